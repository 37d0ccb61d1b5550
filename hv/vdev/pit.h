/* The emulated 8254 programmable interval timer (hv/vdev/pit.c): its
   state, as part of struct vm. */
#ifndef HV_VDEV_PIT_H
#define HV_VDEV_PIT_H

#include <stdbool.h>
#include <stdint.h>

/* One counter channel.  Times are in PIT input cycles (1.193182 MHz)
   of the VM's virtual time (vdev_clock_ns). */
struct vdev_pit_channel
  {
    uint8_t mode;               /* 0...5 (6, 7 read as 2, 3). */
    uint8_t access;             /* 1 low byte, 2 high byte, 3 low then high. */
    bool bcd;                   /* Counts in BCD (kept, counted binary). */
    uint32_t reload;            /* Count written, 1...65536. */
    bool armed;                 /* A count has been written. */
    uint64_t start;             /* Input cycle at which it was loaded. */
    bool write_high_next;       /* Access 3: the next write is the high byte. */
    uint8_t write_low;          /* Access 3: the low byte written. */
    bool read_high_next;        /* Access 3: the next read is the high byte. */
    bool latched;               /* A count is latched. */
    uint16_t latch;             /* The latched count. */
    uint8_t latch_bytes;        /* Latched bytes still to read (1 or 2). */
    bool status_latched;        /* Read-back latched the status byte. */
    uint8_t status;             /* The latched status. */
    bool gate;                  /* GATE input (channel 2: port 0x61 bit 0). */
    uint64_t frozen;            /* Cycles counted when the gate fell. */
    uint64_t irq_done;          /* Channel 0: periods already raised. */
    bool oneshot_done;          /* Mode 0: IRQ 0 raised at terminal count. */
  };

struct vdev_pit
  {
    struct vdev_pit_channel ch[3];
    uint8_t port61;             /* Port 0x61 bits the guest wrote (0-3). */
    uint32_t lost;              /* Channel-0 periods dropped after a long gap. */
  };

#endif /* hv/vdev/pit.h */
