/* The emulated 8042 keyboard controller at ports 0x60/0x64
   (hv/vdev/kbc.c): its state, as part of struct vm. */
#ifndef HV_VDEV_KBC_H
#define HV_VDEV_KBC_H

#include <stdint.h>

#define VDEV_KBC_RAM 32         /* Controller RAM bytes (0 is the
                                   command byte). */
#define VDEV_KBC_QUEUE 16       /* Bytes waiting for the output buffer. */

struct vdev_kbc
  {
    uint8_t ram[VDEV_KBC_RAM];  /* Byte 0: the command byte. */
    uint8_t status;             /* Status bits kept (system flag, A2). */
    uint8_t output_port;        /* The output port (reset, A20, ...). */
    uint8_t pending;            /* Controller command waiting for its
                                   data byte through port 0x60, or 0. */
    uint8_t kbd_pending;        /* Keyboard command waiting for its
                                   parameter byte, or 0. */
    uint8_t queue[VDEV_KBC_QUEUE]; /* Bytes for the guest, oldest first: */
    uint8_t head;               /* the output buffer's... */
    uint8_t count;              /* ...and how many (0: buffer empty). */
    uint8_t last;               /* The byte the guest read last. */
    uint8_t last_sent;          /* The keyboard's last byte (resend). */
  };

#endif /* hv/vdev/kbc.h */
