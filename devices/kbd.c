/* The PS/2 keyboard behind the 8042 controller.  Each interrupt
   delivers one byte of scan-code set 1: a key's code when it goes
   down, the code plus 0x80 when it comes up, and a 0xe0 prefix for
   keys added after the original PC keyboard.  Shift, Ctrl and Caps
   Lock are tracked here; the resulting characters go to the input
   buffer. */

#include "devices/kbd.h"
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "devices/input.h"
#include "threads/interrupt.h"
#include "threads/io.h"

/* 8042 ports and status bits. */
#define KBD_DATA 0x60                 /* Data port. */
#define KBD_STATUS 0x64               /* Status register (read). */
#define KBD_STATUS_OUT_FULL 0x01      /* Status: a byte waits at KBD_DATA. */
#define KBD_DRAIN_MAX 16              /* Stale bytes discarded at init. */

#define KBD_IRQ 1

/* Scan-code set 1. */
#define SC_RELEASE 0x80               /* Set in a key's release code. */
#define SC_EXTENDED 0xe0              /* Prefix of an extended key. */
#define SC_CTRL 0x1d                  /* Left Ctrl; E0-prefixed: right. */
#define SC_LSHIFT 0x2a
#define SC_RSHIFT 0x36
#define SC_CAPSLOCK 0x3a
#define SC_KP_DELETE 0x53             /* Keypad "." / Delete. */

#define CHAR_DELETE 0x7f
#define CTRL_MASK 0x1f                /* Ctrl-A is 0x01 ... Ctrl-Z 0x1a. */

/* Characters of the keys that have one, indexed by scan code: without
   and with Shift. */
struct kbd_key
  {
    char plain;
    char shifted;
  };

static const struct kbd_key kbd_keys[] =
  {
    [0x01] = {0x1b, 0x1b},              /* Escape. */
    [0x02] = {'1', '!'}, [0x03] = {'2', '@'}, [0x04] = {'3', '#'},
    [0x05] = {'4', '$'}, [0x06] = {'5', '%'}, [0x07] = {'6', '^'},
    [0x08] = {'7', '&'}, [0x09] = {'8', '*'}, [0x0a] = {'9', '('},
    [0x0b] = {'0', ')'}, [0x0c] = {'-', '_'}, [0x0d] = {'=', '+'},
    [0x0e] = {'\b', '\b'}, [0x0f] = {'\t', '\t'},
    [0x10] = {'q', 'Q'}, [0x11] = {'w', 'W'}, [0x12] = {'e', 'E'},
    [0x13] = {'r', 'R'}, [0x14] = {'t', 'T'}, [0x15] = {'y', 'Y'},
    [0x16] = {'u', 'U'}, [0x17] = {'i', 'I'}, [0x18] = {'o', 'O'},
    [0x19] = {'p', 'P'}, [0x1a] = {'[', '{'}, [0x1b] = {']', '}'},
    [0x1c] = {'\r', '\r'},              /* Enter, as a terminal sends it. */
    [0x1e] = {'a', 'A'}, [0x1f] = {'s', 'S'}, [0x20] = {'d', 'D'},
    [0x21] = {'f', 'F'}, [0x22] = {'g', 'G'}, [0x23] = {'h', 'H'},
    [0x24] = {'j', 'J'}, [0x25] = {'k', 'K'}, [0x26] = {'l', 'L'},
    [0x27] = {';', ':'}, [0x28] = {'\'', '"'}, [0x29] = {'`', '~'},
    [0x2b] = {'\\', '|'},
    [0x2c] = {'z', 'Z'}, [0x2d] = {'x', 'X'}, [0x2e] = {'c', 'C'},
    [0x2f] = {'v', 'V'}, [0x30] = {'b', 'B'}, [0x31] = {'n', 'N'},
    [0x32] = {'m', 'M'}, [0x33] = {',', '<'}, [0x34] = {'.', '>'},
    [0x35] = {'/', '?'},
    [0x37] = {'*', '*'},                /* Keypad "*". */
    [0x39] = {' ', ' '},
    [0x4a] = {'-', '-'},                /* Keypad "-". */
    [0x4e] = {'+', '+'},                /* Keypad "+". */
    [SC_KP_DELETE] = {CHAR_DELETE, CHAR_DELETE},
  };

#define KBD_KEY_CNT (sizeof kbd_keys / sizeof *kbd_keys)

/* Modifier state. */
static bool kbd_lshift, kbd_rshift;     /* Shift keys down? */
static bool kbd_lctrl, kbd_rctrl;       /* Ctrl keys down? */
static bool kbd_caps_lock;              /* Caps Lock on? */
static bool kbd_caps_down;              /* Caps Lock key held down? */
static bool kbd_extended;               /* Last byte was SC_EXTENDED? */

/* Keys pressed that produced a character. */
static int64_t kbd_key_cnt;

static intr_handler_func kbd_interrupt;

/* Discards bytes the keyboard sent before Ringlet was ready and
   registers the keyboard interrupt handler.  Called once at boot. */
void
kbd_init (void)
{
  for (int i = 0; i < KBD_DRAIN_MAX; i++)
    if ((inb (KBD_STATUS) & KBD_STATUS_OUT_FULL) != 0)
      inb (KBD_DATA);
  intr_register_ext (INTR_IRQ_BASE + KBD_IRQ, kbd_interrupt,
                     "8042 Keyboard");
}

/* Prints keyboard statistics. */
void
kbd_print_stats (void)
{
  printf ("Keyboard: %"PRId64" keys pressed\n", kbd_key_cnt);
}

/* Updates the modifier state for scan code CODE (without the release
   bit), extended if EXTENDED, going down if DOWN.  Returns true if
   CODE is a modifier key. */
static bool
kbd_modifier (unsigned code, bool extended, bool down)
{
  if (code == SC_CTRL)
    *(extended ? &kbd_rctrl : &kbd_lctrl) = down;
  else if (code == SC_LSHIFT && !extended)
    kbd_lshift = down;
  else if (code == SC_RSHIFT && !extended)
    kbd_rshift = down;
  else if (code == SC_CAPSLOCK && !extended)
    {
      /* Toggle on the first press, not on each auto-repeat. */
      if (down && !kbd_caps_down)
        kbd_caps_lock = !kbd_caps_lock;
      kbd_caps_down = down;
    }
  else
    return false;
  return true;
}

/* Returns the character key CODE makes with the current modifiers,
   or 0 if it makes none.  Of the extended keys only keypad Enter,
   keypad "/" and Delete make characters. */
static int
kbd_translate (unsigned code, bool extended)
{
  if (extended && code != 0x1c && code != 0x35 && code != SC_KP_DELETE)
    return 0;
  if (code >= KBD_KEY_CNT)
    return 0;

  bool shift = kbd_lshift || kbd_rshift;
  int c = shift ? kbd_keys[code].shifted : kbd_keys[code].plain;
  if (kbd_caps_lock && kbd_keys[code].plain >= 'a'
      && kbd_keys[code].plain <= 'z')
    c = shift ? kbd_keys[code].plain : kbd_keys[code].shifted;
  if ((kbd_lctrl || kbd_rctrl) && c >= '@' && c <= '~')
    c &= CTRL_MASK;
  return c;
}

/* IRQ 1: reads one scan-code byte and, once it completes a key press
   that makes a character, appends that character to the input buffer
   (dropping it if the buffer is full). */
static void
kbd_interrupt (struct intr_frame *args UNUSED)
{
  unsigned byte = inb (KBD_DATA);
  if (byte == SC_EXTENDED)
    {
      kbd_extended = true;
      return;
    }

  bool extended = kbd_extended;
  bool down = (byte & SC_RELEASE) == 0;
  unsigned code = byte & ~SC_RELEASE;
  kbd_extended = false;

  if (kbd_modifier (code, extended, down) || !down)
    return;
  int c = kbd_translate (code, extended);
  if (c != 0 && !input_full ())
    {
      kbd_key_cnt++;
      input_putc (c);
    }
}
