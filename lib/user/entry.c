/* The entry point of every user program.  The kernel starts a process
   here as if _start had been called: %esp points at a fake return
   address (0), above it argc, then argv.  _start runs main and ends
   the process with main's result. */

#include <syscall.h>

int main (int argc, char *argv[]);
void _start (int argc, char *argv[]) NO_RETURN;

/* Runs main (ARGC, ARGV); its result becomes the exit status. */
void
_start (int argc, char *argv[])
{
  int status = main (argc, argv);

  exit (status);
}
