/* The virtual-memory lab's kernel side: demand paging for user
   processes, plugged into userprog as its pager. */
#ifndef VM_VM_H
#define VM_VM_H

void vm_init (void);

#endif /* vm/vm.h */
