/* Helper guest of vdev-ide-persist: a hostile IDE driver.  It makes a
   fixed pseudo-random series of accesses to both channels' ports, of
   every width: register writes, commands valid and not (their sector
   ranges often at or past the disk's end), data bursts that stop
   short or overrun, resets in the middle of transfers.  Then it
   resets the channel and checks the disk still answers as a disk.
   The kernel test checks that nothing outside the disk's file
   changed. */

#include "hv/guest/guest.h"
#include "tests/hv/vdev-pc.inc"

const char test_name[] = "guest-ide-fuzz";

#define STEPS 800               /* Random steps. */
#define DISK_SECTORS 4          /* Whole sectors of its disk. */
#define SPIN 100000

/* The ports it pokes (0x3f7 and 0x377 belong to no device here). */
static const uint16_t ports[] =
  {
    0x1f0, 0x1f1, 0x1f2, 0x1f3, 0x1f4, 0x1f5, 0x1f6, 0x1f7, 0x3f6,
    0x170, 0x171, 0x172, 0x173, 0x174, 0x175, 0x176, 0x177, 0x376,
  };
#define PORT_CNT (sizeof ports / sizeof *ports)

/* Commands, writes weighted up: the model's, and others it must abort;
   and the device-control values it sends. */
static const uint8_t commands[] =
  {
    0x20, 0x20, 0x21, 0x30, 0x30, 0x30, 0x30, 0x30, 0x31, 0x31, 0x40,
    0x41, 0x90, 0x91, 0xa1, 0xe7, 0xec, 0xef, 0x00, 0x08, 0x24, 0x34,
    0xc4, 0xc8, 0xca, 0xff,
  };
#define COMMAND_CNT (sizeof commands / sizeof *commands)
static const uint8_t controls[] =
  { 0x00, 0x02, 0x00, 0x02, 0x80, 0x82, 0x00, 0x06 };
#define CONTROL_CNT (sizeof controls / sizeof *controls)

/* A linear congruential generator: the same series every run. */
static uint32_t fuzz_state = 20261204;

static uint32_t
fuzz_next (void)
{
  fuzz_state = fuzz_state * 1103515245 + 12345;
  return fuzz_state >> 8;
}

/* An access of random width to PORT, IN or OUT of a random value. */
static void
poke (uint16_t port, bool in)
{
  uint32_t value = fuzz_next ();
  switch (fuzz_next () % 3)
    {
    case 0: if (in) inb (port); else outb (port, value); break;
    case 1: if (in) inw (port); else outw (port, value); break;
    default: if (in) inl (port); else outl (port, value); break;
    }
}

/* Loads a command's registers, the range often within the disk or
   at its end, sends one of the commands and returns it. */
static uint8_t
random_command (void)
{
  uint32_t lba = fuzz_next () % 2 ? fuzz_next () % DISK_SECTORS
                 : fuzz_next () % 2 ? DISK_SECTORS - 1 + fuzz_next () % 3
                 : fuzz_next () & 0x0fffffff;
  static const uint8_t counts[] = { 0, 1, 1, 2, 3 };
  uint8_t device = 0xa0 | (fuzz_next () % 8 ? 0x40 : 0)
                   | (fuzz_next () % 8 ? 0 : 0x10) | ((lba >> 24) & 0x0f);

  outb (IDE_DEVICE, device);
  outb (0x1f2, counts[fuzz_next () % 5]);
  outb (0x1f3, lba);
  outb (0x1f4, lba >> 8);
  outb (0x1f5, lba >> 16);
  uint8_t command = commands[fuzz_next () % COMMAND_CNT];
  outb (IDE_STATUS, command);
  return command;
}

/* Reads or writes a burst of words on the data port: a whole sector
   or a few words. */
static void
data_burst (bool in)
{
  unsigned words = fuzz_next () % 2 == 0 ? SECTOR_WORDS : 1 + fuzz_next () % 16;
  for (unsigned i = 0; i < words; i++)
    if (in)
      inw (IDE_DATA);
    else
      outw (IDE_DATA, fuzz_next ());
}

/* Resets channel 0 and checks that its master answers IDENTIFY with
   the disk's size and reads each sector without error. */
static void
check_disk (void)
{
  uint16_t id[SECTOR_WORDS];

  outb (IDE_CONTROL, 0x06);             /* SRST, nIEN. */
  outb (IDE_CONTROL, 0x02);
  outb (IDE_DEVICE, 0xe0);
  outb (IDE_STATUS, 0xec);
  for (int i = 0; i < SPIN && (inb (IDE_CONTROL) & 0x80); i++)
    continue;
  if ((inb (IDE_STATUS) & 0x09) != 0x08)
    fail ("IDENTIFY offers no data after the fuzzing");
  for (int i = 0; i < SECTOR_WORDS; i++)
    id[i] = inw (IDE_DATA);
  unsigned readable = 0;
  for (unsigned s = 0; s < DISK_SECTORS; s++)
    {
      outb (0x1f2, 1);
      outb (0x1f3, s);
      outb (0x1f4, 0);
      outb (0x1f5, 0);
      outb (IDE_STATUS, 0x20);
      if ((inb (IDE_STATUS) & 0x09) == 0x08)
        readable++;
      for (int i = 0; i < SECTOR_WORDS; i++)
        inw (IDE_DATA);
    }
  msg ("after %d random steps: IDENTIFY says %u sectors; %u of them read "
       "back", STEPS, id[60] | (unsigned) id[61] << 16, readable);
}

int
main (void)
{
  for (int step = 0; step < STEPS; step++)
    switch (fuzz_next () % 8)
      {
      case 0: poke (ports[fuzz_next () % PORT_CNT], true); break;
      case 1: poke (ports[fuzz_next () % PORT_CNT], false); break;
      case 2: case 3:
        /* Mostly followed by data in the command's direction. */
        {
          uint8_t command = random_command ();
          if (fuzz_next () % 4)
            data_burst (command != 0x30 && command != 0x31);
        }
        break;
      case 4: data_burst (true); break;
      case 5: data_burst (false); break;
      case 6: outb (IDE_CONTROL, controls[fuzz_next () % CONTROL_CNT]); break;
      default: inb (IDE_STATUS); break;
      }
  check_disk ();
  return 0;
}
