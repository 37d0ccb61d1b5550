/* The VGA as far as a text-mode kernel uses it: its text memory at
   0xb8000 is guest RAM like any other (nothing to emulate), and the
   CRT controller's index and data ports, 0x3d4 and 0x3d5, keep the
   registers a kernel writes -- the cursor position and shape -- and
   read them back.  Nothing is displayed; the text a kernel puts on
   the screen stays in guest memory. */

#include "hv/hv.h"

#define VGA_CRTC_INDEX 0x3d4

/* Port I/O to the CRT controller's index (0x3d4) and data (0x3d5)
   ports.  Registers past the last one read as zero and ignore
   writes. */
enum exit_action
vdev_vga_pio (struct vcpu *vcpu, struct vdev_pio *pio)
{
  struct vdev_vga *vga = &vcpu->vm->vga;
  /* Read once: VCPUs of one VM on two CPUs may race here (the exit
     is handled where it happens, hv/exit.c), and a register number
     checked must be the one used. */
  uint8_t index = vga->index;
  bool known = index < sizeof vga->crtc;

  if (pio->port == VGA_CRTC_INDEX)
    {
      if (pio->in)
        pio->value = index;
      else
        vga->index = pio->value;
    }
  else if (pio->in)
    pio->value = known ? vga->crtc[index] : 0;
  else if (known)
    vga->crtc[index] = pio->value;
  return EXIT_RESUME;
}
