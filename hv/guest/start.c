/* Guest start-up: the image header the hv reads (hv/abi.h), the stack,
   the entry point that sets up the runtime and calls main (), and
   the ways a guest program ends. */

#include "hv/guest/guest.h"

/* Bytes of stack. */
#define GUEST_STACK_SIZE 8192

/* Ends of the image, from hv/guest/guest.lds. */
extern char __guest_start[], __guest_end[];

static uint8_t guest_stack[GUEST_STACK_SIZE] __attribute__ ((aligned (16)));

static void guest_start (void) NO_RETURN;

/* The header, first in the image: where it loads, where it starts,
   its stack and the end of its memory. */
const struct hv_image_header guest_header
  __attribute__ ((section (".header"), used)) =
  {
    .magic = HV_IMAGE_MAGIC,
    .load_addr = (uint32_t) __guest_start,
    .entry = (uint32_t) guest_start,
    .stack_top = (uint32_t) (guest_stack + GUEST_STACK_SIZE),
    .bss_end = (uint32_t) __guest_end,
  };

/* The entry point: paging off, interrupts masked, ESP at the top of
   GUEST_STACK.  Installs the interrupt table, runs the program and
   exits with its return value. */
static void
guest_start (void)
{
  idt_init ();
  guest_exit (main ());
}

/* Ends the VM with exit code CODE: through the exit hypercall, and if
   that ever returned, through the debug-exit port. */
void
guest_exit (int code)
{
  hypercall (HC_EXIT, code, 0);
  outb (HV_PORT_DEBUG_EXIT, code);
  for (;;)
    asm volatile ("cli; hlt");
}

/* ASSERT and PANIC in the C library end up here. */
void
debug_panic (const char *file, int line, const char *function,
             const char *message, ...)
{
  va_list args;
  char text[128];

  va_start (args, message);
  vsnprintf (text, sizeof text, message, args);
  va_end (args);
  fail ("panic at %s:%d in %s(): %s", file, line, function, text);
}
