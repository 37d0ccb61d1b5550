/* The two cascaded 8259A programmable interrupt controllers: setup
   and end-of-interrupt acknowledgement for IRQ lines 0...15. */
#ifndef DEVICES_PIC_H
#define DEVICES_PIC_H

#include <stdbool.h>

void pic_init (void);
bool pic_is_spurious (int irq);
void pic_end_of_interrupt (int irq);

#endif /* devices/pic.h */
