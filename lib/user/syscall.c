/* The user side of every system call: one C function per call.

   The calling convention: the call number and then its arguments lie
   on the user stack, number lowest, and "int $0x30" enters the
   kernel, which returns the result in %eax.  All stubs share one
   trap routine that always passes three argument words; a call with
   fewer passes zeros, which the kernel never reads. */

#include <syscall.h>
#include <stdint.h>
#include <syscall-nr.h>

/* Enters the kernel for call NUMBER with argument words A0, A1, A2
   (as the stack holds them: NUMBER at %esp, then A0, A1, A2).
   Returns what the kernel left in %eax.  Every stub below uses it, and
   so may tests, as syscall_raw (declared in syscall.h). */
int
syscall_raw (int number, unsigned a0, unsigned a1, unsigned a2)
{
  int32_t eax;

  /* Registers or constants only: a memory operand addressed from
     %esp would be read at the wrong place once the pushes start. */
  asm volatile ("pushl %[a2]\n\t"
                "pushl %[a1]\n\t"
                "pushl %[a0]\n\t"
                "pushl %[nr]\n\t"
                "int $0x30\n\t"
                "addl $16, %%esp"
                : "=a" (eax)
                : [nr] "ri" (number), [a0] "ri" (a0), [a1] "ri" (a1),
                  [a2] "ri" (a2)
                : "memory");
  return eax;
}

/* A pointer argument as a stack word. */
static uint32_t
syscall_ptr (const void *p)
{
  return (uintptr_t) p;
}

/* Ends this process; STATUS goes to a parent that waits for it.
   Does not return. */
void
exit (int status)
{
  syscall_raw (SYS_EXIT, status, 0, 0);
  NOT_REACHED ();
}

/* Turns the machine off.  Does not return. */
void
halt (void)
{
  syscall_raw (SYS_HALT, 0, 0, 0);
  NOT_REACHED ();
}

/* Runs CMD_LINE (program name, then its arguments) as a child
   process.  Returns the child's pid, or PID_ERROR if it could not be
   started. */
pid_t
exec (const char *cmd_line)
{
  return syscall_raw (SYS_EXEC, syscall_ptr (cmd_line), 0, 0);
}

/* Blocks until child PID has exited and returns its exit status.
   Returns -1 if PID is not a child of this process, has been waited
   for already, or was killed by the kernel. */
int
wait (pid_t pid)
{
  return syscall_raw (SYS_WAIT, pid, 0, 0);
}

/* Makes a new file named FILE of INITIAL_SIZE zero bytes.  True if
   it was made. */
bool
create (const char *file, unsigned initial_size)
{
  return syscall_raw (SYS_CREATE, syscall_ptr (file), initial_size, 0);
}

/* Deletes the file named FILE.  True if it was deleted. */
bool
remove (const char *file)
{
  return syscall_raw (SYS_REMOVE, syscall_ptr (file), 0, 0);
}

/* Opens the file named FILE.  Returns its new descriptor, or -1. */
int
open (const char *file)
{
  return syscall_raw (SYS_OPEN, syscall_ptr (file), 0, 0);
}

/* Length in bytes of the file open on FD. */
int
filesize (int fd)
{
  return syscall_raw (SYS_FILESIZE, fd, 0, 0);
}

/* Reads at most LENGTH bytes from FD into BUFFER.  Returns how many
   were read, 0 at the end of the file, or -1 on failure. */
int
read (int fd, void *buffer, unsigned length)
{
  return syscall_raw (SYS_READ, fd, syscall_ptr (buffer), length);
}

/* Writes the LENGTH bytes at BUFFER to FD.  Returns how many were
   written, or -1 on failure. */
int
write (int fd, const void *buffer, unsigned length)
{
  return syscall_raw (SYS_WRITE, fd, syscall_ptr (buffer), length);
}

/* Makes POSITION (bytes from the start) FD's next read or write
   position. */
void
seek (int fd, unsigned position)
{
  syscall_raw (SYS_SEEK, fd, position, 0);
}

/* FD's next read or write position, in bytes from the start. */
unsigned
tell (int fd)
{
  return syscall_raw (SYS_TELL, fd, 0, 0);
}

/* Closes descriptor FD. */
void
close (int fd)
{
  syscall_raw (SYS_CLOSE, fd, 0, 0);
}

/* Maps the file open on FD into memory from page address ADDR on.
   Returns the mapping's id, or MAP_FAILED. */
mapid_t
mmap (int fd, void *addr)
{
  return syscall_raw (SYS_MMAP, fd, syscall_ptr (addr), 0);
}

/* Undoes mapping MAPPING, writing changed pages back to the file. */
void
munmap (mapid_t mapping)
{
  syscall_raw (SYS_MUNMAP, mapping, 0, 0);
}

/* Makes DIR this process's working directory.  True on success. */
bool
chdir (const char *dir)
{
  return syscall_raw (SYS_CHDIR, syscall_ptr (dir), 0, 0);
}

/* Makes a new, empty directory named DIR.  True on success. */
bool
mkdir (const char *dir)
{
  return syscall_raw (SYS_MKDIR, syscall_ptr (dir), 0, 0);
}

/* Stores the name of the next entry of the directory open on FD in
   NAME.  False when no entries are left. */
bool
readdir (int fd, char name[READDIR_MAX_LEN + 1])
{
  return syscall_raw (SYS_READDIR, fd, syscall_ptr (name), 0);
}

/* True if FD is open on a directory rather than a file. */
bool
isdir (int fd)
{
  return syscall_raw (SYS_ISDIR, fd, 0, 0);
}

/* The inode number of whatever FD is open on. */
int
inumber (int fd)
{
  return syscall_raw (SYS_INUMBER, fd, 0, 0);
}

/* Number of free pages in the kernel's page allocator, so that a
   test can compare before and after and see that nothing leaked. */
size_t
freepages (void)
{
  return syscall_raw (SYS_FREEPAGES, 0, 0, 0);
}

/* The value of virtual-memory counter COUNTER (enum vmstat_counter
   in lib/syscall-nr.h), or -1 if there is no such counter. */
int
vmstat (int counter)
{
  return syscall_raw (SYS_VMSTAT, counter, 0, 0);
}

/* Loads the kernel module in file FILE of the file system.  True if
   it started; otherwise the kernel said why on the console. */
bool
insmod (const char *file)
{
  return syscall_raw (SYS_INSMOD, syscall_ptr (file), 0, 0);
}

/* Unloads the kernel module called NAME.  True if it did. */
bool
rmmod (const char *name)
{
  return syscall_raw (SYS_RMMOD, syscall_ptr (name), 0, 0);
}

/* Performs VM operation OP (enum vmc_op in lib/vmctl-abi.h) on the
   argument block ARG.  Returns a VM number, a count, or a status. */
int
vmctl (int op, void *arg)
{
  return syscall_raw (SYS_VMCTL, op, syscall_ptr (arg), 0);
}
