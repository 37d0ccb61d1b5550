/* Checks the exact layout of the initial user stack, which compiled
   programs depend on: _start's return-address slot holds 0, argc and
   argv sit just above it, argv[] follows at once and ends with a null
   pointer, and the strings follow argv[] after word-alignment padding,
   each right after the last, the final one ending at PHYS_BASE. */

#include <stdint.h>
#include <string.h>
#include "tests/lib.h"

/* Where user space ends and the stack begins. */
#define TEST_PHYS_BASE 0xc0000000u

int
main (int argc, char *argv[])
{
  /* main's frame pointer points at the saved frame pointer of its
     caller, _start, whose frame holds its caller's %ebp and then the
     slots the kernel filled in: return address, argc, argv. */
  uint32_t *frame = *(uint32_t **) __builtin_frame_address (0);
  char *after_argv = (char *) &argv[argc + 1];
  bool strings_ok = true;

  test_name = "args-stack";
  msg ("begin");
  CHECK (frame[1] == 0, "return-address slot holds 0");
  CHECK (frame[2] == (uint32_t) argc && frame[3] == (uint32_t) argv,
         "argc and argv sit just above it");
  CHECK (argv == (char **) &frame[4] && argv[argc] == NULL
         && (uintptr_t) argv % sizeof (char *) == 0,
         "argv[] follows at once, word-aligned, ending with a null pointer");
  for (int i = 1; i < argc; i++)
    if (argv[i] != argv[i - 1] + strlen (argv[i - 1]) + 1)
      strings_ok = false;
  CHECK (strings_ok && argv[0] >= after_argv && argv[0] - after_argv < 4
         && (uintptr_t) (argv[argc - 1] + strlen (argv[argc - 1]) + 1)
            == TEST_PHYS_BASE,
         "%d strings follow argv[] after 0-3 bytes of padding, "
         "end to end up to PHYS_BASE", argc);
  msg ("end");
  return 0;
}
