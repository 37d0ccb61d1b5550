/* Stack backtraces, printed by the kernel's and user programs' panic
   paths.  The line they print is read by utils/backtrace, which turns
   the addresses into function names and source lines. */
#include <debug.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <addrspace.h>

/* Most frames printed, so that a cycle in a corrupted chain ends. */
#define DEBUG_MAX_FRAMES 64

/* Kernel addresses start here; user addresses are below. */
#define DEBUG_KERNEL_BASE ((uintptr_t) ADDRSPACE_USER_END)

/* A kernel thread's stack lies within one page (threads/thread.h). */
#define DEBUG_KERNEL_STACK_SIZE 4096

/* What a function's prologue ("push %ebp; mov %esp, %ebp") leaves at
   the address in %ebp: its caller's %ebp, above it the address the
   function returns to. */
struct debug_frame
  {
    const struct debug_frame *caller;   /* Caller's frame. */
    void *return_address;               /* Where the function returns. */
  };

/* Returns true if FRAME may be followed: it is 4-aligned and lies
   above PREV (stacks grow down, so callers' frames are higher) and on
   the same side of the kernel boundary as the chain's FIRST frame.  A
   kernel frame must also be on the same stack page as FIRST, so that
   a garbage pointer cannot make us read unmapped memory. */
static bool
debug_frame_ok (uintptr_t frame, uintptr_t prev, uintptr_t first)
{
  uintptr_t last_byte = frame + sizeof (struct debug_frame) - 1;

  if (frame == 0 || frame % sizeof (uint32_t) != 0 || frame <= prev
      || last_byte < frame)
    return false;
  if (first < DEBUG_KERNEL_BASE)
    return last_byte < DEBUG_KERNEL_BASE;
  return (last_byte / DEBUG_KERNEL_STACK_SIZE
          == first / DEBUG_KERNEL_STACK_SIZE);
}

/* Prints the return addresses of the chain of stack frames starting
   at FRAME_POINTER (a saved %ebp), innermost first, as one line:

     Call stack: 0xc0021234 0xc0022345 0xc0020abc.

   Stops at a null frame pointer, at one that fails the checks of
   debug_frame_ok, or after DEBUG_MAX_FRAMES frames.  Relies on the
   code being compiled with frame pointers. */
void
debug_backtrace_from (void *frame_pointer)
{
  uintptr_t first = (uintptr_t) frame_pointer;
  uintptr_t prev = 0;
  const struct debug_frame *f = frame_pointer;
  int cnt;

  printf ("Call stack:");
  for (cnt = 0; cnt < DEBUG_MAX_FRAMES
                && debug_frame_ok ((uintptr_t) f, prev, first); cnt++)
    {
      printf (" %p", f->return_address);
      prev = (uintptr_t) f;
      f = f->caller;
    }
  printf (".\n");
}

/* Prints the calling function's backtrace, starting with the address
   debug_backtrace returns to, in the format of debug_backtrace_from. */
void
debug_backtrace (void)
{
  debug_backtrace_from (__builtin_frame_address (0));
}
