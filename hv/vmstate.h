/* The records of a VM's state (hv/vmstate.c takes, checks and puts
   them; hv/snapshot.c writes and reads them; docs/hv.md section 13.2).
   Private to hv/, like hv/hv.h, and included after it. */
#ifndef HV_VMSTATE_H
#define HV_VMSTATE_H

/* One VCPU. */
struct vmstate_vcpu
  {
    struct vmcb_save save;      /* CR0, CR3 and CR4 the guest's own. */
    uint32_t int_ctl;           /* V_IRQ, V_TPR, V_INTR_PRIO... */
    uint32_t int_vector;
    uint64_t int_state;         /* Interrupt shadow. */
    uint64_t event_inj;         /* An event injected at the next entry. */
    uint32_t vintr;             /* 1: the VINTR exit is wanted. */
    uint32_t gpr[6];            /* EBX, ECX, EDX, ESI, EDI, EBP. */
    uint8_t fpu[FPU_IMAGE_SIZE];
    uint32_t dr[4], dr7;
    struct vdev_vtimer vtimer;  /* NEXT counts ticks from the save. */
    uint32_t ipi_pending[8];
    int32_t pic_offered, pic_redeliver;
    uint32_t pic_offer_rip;
    uint32_t pic_offer_open;
    uint32_t state;             /* VCPU_DOWN, VCPU_RUNNABLE or VCPU_BLOCKED. */
  };

/* The devices, with the IDE drives' host pointers cleared. */
struct vmstate_devices
  {
    struct vdev_console console;
    struct vdev_vga vga;
    struct vdev_serial serial;
    struct vdev_pic pic;
    struct vdev_pit pit;
    struct vdev_rtc rtc;
    struct vdev_kbc kbc;
    struct vdev_power power;
    struct vdev_ide ide;
    uint64_t tsc_offset;
    uint32_t ioio_unknown;
  };

bool vmstate_take_page (struct vm *src, uint32_t gpa, void *kpage);
bool vmstate_has_page (struct vm *src, uint32_t gpa);
void vmstate_take_vcpu (struct vcpu *, int64_t now, struct vmstate_vcpu *);
const char *vmstate_check_vcpu (const struct vmstate_vcpu *);
void vmstate_put_vcpu (struct vcpu *, const struct vmstate_vcpu *);
void vmstate_take_devices (const struct vm *, struct vmstate_devices *);
const char *vmstate_check_devices (const struct vm *,
                                   const struct vmstate_devices *);
void vmstate_put_devices (struct vm *, const struct vmstate_devices *);
struct vm *vmstate_claim_paused (int id, int *status);

#endif /* hv/vmstate.h */
