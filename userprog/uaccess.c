/* Safe access to user memory.  Ranges are first checked to lie wholly
   below PHYS_BASE; the copy itself is one "rep movsb" in uaccess-copy.S,
   and whether each page is mapped (and writable, for a write: CR0.WP
   makes the CPU check that in ring 0 too) is left to the MMU.  A page
   fault on that instruction is turned into a failed copy by
   uaccess_fixup().  So there is no window between a check and the
   access, and one mechanism serves every system call. */

#include "userprog/uaccess.h"
#include <stdint.h>
#include <string.h>
#include "threads/vaddr.h"

/* From uaccess-copy.S. */
size_t uaccess_copy (void *dst, const void *src, size_t size);
extern const char uaccess_copy_insn[], uaccess_copy_done[];

/* LAB userprog: user memory */
/* Returns true if the SIZE bytes at UADDR are all user addresses. */
static bool
uaccess_range_ok (const void *uaddr, size_t size)
{
  uintptr_t start = (uintptr_t) uaddr;
  uintptr_t end = start + size;
  return end >= start && end <= (uintptr_t) PHYS_BASE;
}

/* Copies SIZE bytes from user address USRC to kernel buffer DST.
   Returns false if any of them is not a readable user byte. */
bool
uaccess_read (void *dst, const void *usrc, size_t size)
{
  return uaccess_range_ok (usrc, size) && uaccess_copy (dst, usrc, size) == 0;
}

/* Copies SIZE bytes from kernel buffer SRC to user address UDST.
   Returns false if any of them is not a writable user byte (a prefix
   may have been written). */
bool
uaccess_write (void *udst, const void *src, size_t size)
{
  return uaccess_range_ok (udst, size) && uaccess_copy (udst, src, size) == 0;
}

/* Copies the NUL-terminated string at user address USRC into DST,
   which has room for SIZE bytes.  Returns the string's length, or
   UACCESS_FAULT if a byte up to its NUL is unreadable, or
   UACCESS_TOO_LONG if it has no NUL within SIZE bytes.  Reads a page
   at a time: if a string's byte is readable, so is the rest of its
   page. */
int
uaccess_read_string (char *dst, const char *usrc, size_t size)
{
  size_t len = 0;

  while (len < size)
    {
      const char *u = usrc + len;
      size_t chunk = PGSIZE - pg_ofs (u);
      if (chunk > size - len)
        chunk = size - len;
      if (!uaccess_read (dst + len, u, chunk))
        return UACCESS_FAULT;
      const char *nul = memchr (dst + len, '\0', chunk);
      if (nul != NULL)
        return nul - dst;
      len += chunk;
    }
  return UACCESS_TOO_LONG;
}

/* Called for a page fault in kernel mode, described by F.  If it hit
   the copy instruction of uaccess-copy.S, makes the copy return early
   (with the bytes left in %ecx) and returns true; otherwise returns
   false: the fault is a kernel bug. */
bool
uaccess_fixup (struct intr_frame *f)
{
  if ((const char *) f->eip != uaccess_copy_insn)
    return false;
  f->eip = (void (*) (void)) uaccess_copy_done;
  return true;
}
/* STUB:
bool
uaccess_read (void *dst UNUSED, const void *usrc UNUSED, size_t size UNUSED)
{
  return false;
}

bool
uaccess_write (void *udst UNUSED, const void *src UNUSED, size_t size UNUSED)
{
  return false;
}

int
uaccess_read_string (char *dst UNUSED, const char *usrc UNUSED,
                     size_t size UNUSED)
{
  return UACCESS_FAULT;
}

bool
uaccess_fixup (struct intr_frame *f UNUSED)
{
  return false;
}
*/
/* END LAB */
