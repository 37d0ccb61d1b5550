/* System-call stubs: each pushes its arguments and the call number on
   the user stack and executes "int $0x30"; the kernel leaves the
   result in %eax.  The stack then holds, from %esp up: the number,
   the first argument, the second, the third. */

#include <syscall.h>
#include <stdint.h>
#include <syscall-nr.h>

/* Interrupt vector of the system-call gate. */
#define SYSCALL_VECTOR "0x30"

/* Makes system call NUMBER with no arguments; returns %eax. */
static inline int32_t
syscall0 (int32_t number)
{
  int32_t result;
  asm volatile ("pushl %[number]\n\t"
                "int $" SYSCALL_VECTOR "\n\t"
                "addl $4, %%esp"
                : "=a" (result)
                : [number] "r" (number)
                : "memory");
  return result;
}

/* Makes system call NUMBER with argument ARG0; returns %eax. */
static inline int32_t
syscall1 (int32_t number, uint32_t arg0)
{
  int32_t result;
  asm volatile ("pushl %[arg0]\n\t"
                "pushl %[number]\n\t"
                "int $" SYSCALL_VECTOR "\n\t"
                "addl $8, %%esp"
                : "=a" (result)
                : [number] "r" (number), [arg0] "r" (arg0)
                : "memory");
  return result;
}

/* Makes system call NUMBER with arguments ARG0 and ARG1; returns
   %eax. */
static inline int32_t
syscall2 (int32_t number, uint32_t arg0, uint32_t arg1)
{
  int32_t result;
  asm volatile ("pushl %[arg1]\n\t"
                "pushl %[arg0]\n\t"
                "pushl %[number]\n\t"
                "int $" SYSCALL_VECTOR "\n\t"
                "addl $12, %%esp"
                : "=a" (result)
                : [number] "r" (number), [arg0] "r" (arg0),
                  [arg1] "r" (arg1)
                : "memory");
  return result;
}

/* Makes system call NUMBER with arguments ARG0, ARG1 and ARG2;
   returns %eax. */
static inline int32_t
syscall3 (int32_t number, uint32_t arg0, uint32_t arg1, uint32_t arg2)
{
  int32_t result;
  asm volatile ("pushl %[arg2]\n\t"
                "pushl %[arg1]\n\t"
                "pushl %[arg0]\n\t"
                "pushl %[number]\n\t"
                "int $" SYSCALL_VECTOR "\n\t"
                "addl $16, %%esp"
                : "=a" (result)
                : [number] "r" (number), [arg0] "r" (arg0),
                  [arg1] "r" (arg1), [arg2] "r" (arg2)
                : "memory");
  return result;
}

/* Powers the machine off. */
void
halt (void)
{
  syscall0 (SYS_HALT);
  NOT_REACHED ();
}

/* Ends this process with STATUS, which a waiting parent receives. */
void
exit (int status)
{
  syscall1 (SYS_EXIT, status);
  NOT_REACHED ();
}

/* Starts the program and arguments in CMD_LINE as a child process.
   Returns its pid, or PID_ERROR if it could not be loaded. */
pid_t
exec (const char *cmd_line)
{
  return syscall1 (SYS_EXEC, (uint32_t) cmd_line);
}

/* Waits for child PID to exit and returns its status; -1 if PID is
   not a child of this process, was already waited for, or was killed
   by the kernel. */
int
wait (pid_t pid)
{
  return syscall1 (SYS_WAIT, pid);
}

/* Creates FILE, INITIAL_SIZE bytes long.  Returns true on success. */
bool
create (const char *file, unsigned initial_size)
{
  return syscall2 (SYS_CREATE, (uint32_t) file, initial_size);
}

/* Deletes FILE.  Returns true on success. */
bool
remove (const char *file)
{
  return syscall1 (SYS_REMOVE, (uint32_t) file);
}

/* Opens FILE.  Returns a file descriptor, or -1 on failure. */
int
open (const char *file)
{
  return syscall1 (SYS_OPEN, (uint32_t) file);
}

/* Returns the size in bytes of the file open as FD. */
int
filesize (int fd)
{
  return syscall1 (SYS_FILESIZE, fd);
}

/* Reads up to LENGTH bytes from FD into BUFFER.  Returns the bytes
   read (0 at end of file), or -1 on failure. */
int
read (int fd, void *buffer, unsigned length)
{
  return syscall3 (SYS_READ, fd, (uint32_t) buffer, length);
}

/* Writes LENGTH bytes from BUFFER to FD.  Returns the bytes written,
   or -1 on failure. */
int
write (int fd, const void *buffer, unsigned length)
{
  return syscall3 (SYS_WRITE, fd, (uint32_t) buffer, length);
}

/* Moves FD's file position to POSITION bytes from the start. */
void
seek (int fd, unsigned position)
{
  syscall2 (SYS_SEEK, fd, position);
}

/* Returns FD's file position. */
unsigned
tell (int fd)
{
  return syscall1 (SYS_TELL, fd);
}

/* Closes FD. */
void
close (int fd)
{
  syscall1 (SYS_CLOSE, fd);
}

/* Maps the file open as FD at ADDR.  Returns a mapping id or
   MAP_FAILED. */
mapid_t
mmap (int fd, void *addr)
{
  return syscall2 (SYS_MMAP, fd, (uint32_t) addr);
}

/* Removes mapping MAPPING. */
void
munmap (mapid_t mapping)
{
  syscall1 (SYS_MUNMAP, mapping);
}

/* Makes DIR the current directory.  Returns true on success. */
bool
chdir (const char *dir)
{
  return syscall1 (SYS_CHDIR, (uint32_t) dir);
}

/* Creates directory DIR.  Returns true on success. */
bool
mkdir (const char *dir)
{
  return syscall1 (SYS_MKDIR, (uint32_t) dir);
}

/* Reads the next entry of directory FD into NAME.  Returns false when
   there are no more. */
bool
readdir (int fd, char name[READDIR_MAX_LEN + 1])
{
  return syscall2 (SYS_READDIR, fd, (uint32_t) name);
}

/* Returns true if FD is open on a directory. */
bool
isdir (int fd)
{
  return syscall1 (SYS_ISDIR, fd);
}

/* Returns the inode number of the file or directory open as FD. */
int
inumber (int fd)
{
  return syscall1 (SYS_INUMBER, fd);
}

/* Returns how many pages the kernel's page allocator has free: tests
   compare it before and after work to show that nothing leaked. */
size_t
freepages (void)
{
  return syscall0 (SYS_FREEPAGES);
}

/* Returns virtual-memory counter COUNTER (enum vmstat_counter in
   lib/syscall-nr.h), or -1 if the kernel has no such counter. */
int
vmstat (int counter)
{
  return syscall1 (SYS_VMSTAT, counter);
}
