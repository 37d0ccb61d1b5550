/* IRQ 13, the x87 error line (devices/fpu-irq.c). */
#ifndef DEVICES_FPU_IRQ_H
#define DEVICES_FPU_IRQ_H

void fpu_irq_init (void);

#endif /* devices/fpu-irq.h */
