/* Memory-mapped files: the mmap and munmap system calls. */
#ifndef VM_MMAP_H
#define VM_MMAP_H

struct page_table;

void mmap_init (void);
void mmap_unmap_all (struct page_table *);

#endif /* vm/mmap.h */
