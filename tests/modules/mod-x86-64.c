/* A test "module" compiled for x86-64 (gcc -m64 -c, see Make.tests),
   which the loader must refuse for its machine type.  Built without
   the kernel's headers, which are 32-bit only. */

/* Any function, so the object has code. */
int mod_x86_64_answer (void);

int
mod_x86_64_answer (void)
{
  return 42;
}
