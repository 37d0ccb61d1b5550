/* Guest images and VM snapshots in the file system.  A guest image
   is read whole into a kernel buffer for vmctl_create.  A snapshot
   is a file of exactly the size vmctl_save_size gives, created with
   that size (files in this file system never grow), which
   vmctl_save writes and vmctl_restore reads through a struct
   vmctl_stream on an open file. */

#include "userprog/vmfile.h"
#include <stdint.h>
#include <stdio.h>
#include <vmctl-abi.h>
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "filesys/modfile.h"
#include "threads/malloc.h"
#include "threads/vmctl.h"

/* Largest guest image RUN reads. */
#define VMFILE_IMAGE_MAX (4u << 20)

/* Reads guest image FILE from the file system into a new buffer from
   malloc, stored in *IMAGE with its length in *SIZE.  Returns
   VMCTL_OK, VMCTL_ENOENT if there is no such file, or VMCTL_EINVAL
   after printing why it could not be read.  May sleep. */
int
vmfile_read_image (const char *file, void **image, size_t *size)
{
  const char *error = modfile_read (file, VMFILE_IMAGE_MAX, image, size);
  if (error != NULL)
    {
      printf ("vmctl: cannot read guest image '%s': %s\n", file, error);
      return VMCTL_EINVAL;
    }
  return *image != NULL ? VMCTL_OK : VMCTL_ENOENT;
}

/* The stream callbacks on an open file, AUX: each moves exactly SIZE
   bytes at the file's position or returns false. */
static bool
vmfile_write (void *aux, const void *buf, size_t size)
{
  return size <= INT32_MAX && file_write (aux, buf, size) == (off_t) size;
}

static bool
vmfile_read (void *aux, void *buf, size_t size)
{
  return size <= INT32_MAX && file_read (aux, buf, size) == (off_t) size;
}

/* Writes the whole state of paused VM to FILE, a new file of exactly
   the snapshot's size.  Returns VMCTL_OK; VMC_EFILE if FILE could
   not be created (it exists, or there is no room); VMCTL_EIO if the
   writing failed, leaving no file behind; or the hv's status (e.g.
   VMCTL_ENOTPAUSED).  May sleep. */
int
vmfile_save (int vm, const char *file)
{
  uint64_t size;
  int status = vmctl_save_size (vm, &size);
  if (status != VMCTL_OK)
    return status;
  if (size > INT32_MAX || !filesys_create (file, size))
    return VMC_EFILE;

  struct file *f = filesys_open (file);
  if (f == NULL)
    status = VMCTL_EIO;
  else
    {
      struct vmctl_stream stream = { vmfile_write, vmfile_read, f };
      status = vmctl_save (vm, &stream);
      if (status == VMCTL_OK && (uint64_t) file_tell (f) != size)
        status = VMCTL_EIO;
      file_close (f);
    }
  if (status != VMCTL_OK)
    filesys_remove (file);
  return status;
}

/* Makes a new VM, not started, from the snapshot in FILE, named NAME
   (null: the saved name).  Returns its number, VMCTL_ENOENT if there
   is no such file, or the hv's status; for VMCTL_ECORRUPT the hv says
   why in WHY, WHY_SIZE bytes.  May sleep. */
int
vmfile_restore (const char *file, const char *name, char *why,
                size_t why_size)
{
  struct file *f = filesys_open (file);
  if (f == NULL)
    return VMCTL_ENOENT;
  struct vmctl_stream stream = { vmfile_write, vmfile_read, f };
  int status = vmctl_restore (&stream, name, why, why_size);
  file_close (f);
  return status;
}
