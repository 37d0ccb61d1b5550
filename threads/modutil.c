/* The insmod and rmmod kernel actions.  "insmod FILE" starts the
   module FILE names, looking in turn for

     1. a module built into the kernel whose name is FILE without its
        folder and ".ko" suffix ("insmod hv.ko" starts a built-in hv),
     2. FILE in the file system, in kernels that have one: a layer
        above the core reads it through the reader registered with
        modutil_set_file_reader (filesys/modfile.c),
     3. FILE in the scratch partition's archive (the launcher's -p),
        which the core reads itself, so kernels without a file system
        load modules too.

   "rmmod NAME" unloads the module called NAME. */

#include "threads/modutil.h"
#include <stddef.h>
#include <string.h>
#include "devices/scratch.h"
#include "threads/malloc.h"
#include "threads/module.h"

/* The file name suffix of loadable modules. */
#define MODUTIL_SUFFIX ".ko"

/* Stores in NAME the module name FILE implies: FILE without its
   folders and without MODUTIL_SUFFIX.  Returns false if that is
   empty or longer than a module name can be. */
static bool
modutil_module_name (const char *file, char name[MODULE_NAME_MAX + 1])
{
  const char *slash = strrchr (file, '/');
  const char *base = slash != NULL ? slash + 1 : file;
  size_t len = strlen (base);
  size_t suffix_len = strlen (MODUTIL_SUFFIX);

  if (len > suffix_len && !strcmp (base + len - suffix_len, MODUTIL_SUFFIX))
    len -= suffix_len;
  if (len == 0 || len > MODULE_NAME_MAX)
    return false;
  memcpy (name, base, len);
  name[len] = '\0';
  return true;
}

/* The file-system reader, or a null pointer while none is registered. */
static modutil_reader *modutil_file_reader;

/* Makes insmod look for module files through READER, before the
   scratch archive.  Called once at boot by kernels with a file
   system, before any action runs. */
void
modutil_set_file_reader (modutil_reader *reader)
{
  modutil_file_reader = reader;
}

/* Reads FILE, through the registered file reader if there is one and
   it has FILE, otherwise from the scratch archive, into a new buffer
   from malloc.  Returns a null pointer and stores the buffer and its
   length in *DATA and *SIZE, or returns a message saying why not. */
static const char *
modutil_read (const char *file, void **data, size_t *size)
{
  if (modutil_file_reader != NULL)
    {
      const char *error = modutil_file_reader (file, MODUTIL_FILE_MAX,
                                               data, size);
      if (error != NULL || *data != NULL)
        return error;
    }
  return scratch_read_file (file, MODUTIL_FILE_MAX, data, size);
}

/* Starts the module FILE names (see the top of this file).  Returns
   true if it started; otherwise prints why not and returns false.
   May sleep. */
bool
modutil_load (const char *file)
{
  char name[MODULE_NAME_MAX + 1];
  const char *error;
  void *data;
  size_t size;
  bool ok;

  if (modutil_module_name (file, name) && module_is_builtin (name))
    return module_start_builtin (name) != NULL;

  error = modutil_read (file, &data, &size);
  if (error != NULL)
    return module_refuse (file, "%s", error);
  ok = module_load (file, data, size) != NULL;
  free (data);
  return ok;
}

/* The "insmod FILE" kernel action. */
void
modutil_insmod (char **argv)
{
  modutil_load (argv[1]);
}

/* The "rmmod NAME" kernel action. */
void
modutil_rmmod (char **argv)
{
  module_unload (argv[1]);
}
