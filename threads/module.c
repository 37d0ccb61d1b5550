/* The list of started modules, and their life cycle: loading a module
   file (checked and linked by threads/module-elf.c) into a run of
   kernel pages, starting a built-in module, calling a module's init
   and exit, and giving back everything a module held when it is
   unloaded or its init fails.

   Loading, starting and unloading hold module_lock throughout, so
   they happen one at a time, and a module's init and exit run with
   it held: they must not load or unload modules themselves. */

#include "threads/module.h"
#include <round.h>
#include <section.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "threads/malloc.h"
#include "threads/module-elf.h"
#include "threads/palloc.h"
#include "threads/synch.h"
#include "threads/vaddr.h"

/* Longest message line about a module. */
#define MODULE_MESSAGE_MAX 160

/* Modules built into the kernel, gathered by the linker script. */
extern const struct module_info __start_kmodules[], __stop_kmodules[];

/* Started modules, in the order they started. */
static struct list module_list = LIST_INITIALIZER (module_list);

/* Guards module_list; held while a module loads, starts or unloads. */
static struct lock module_lock;

static struct module *module_lookup (const char *name);
static const struct module_info *module_builtin_lookup (const char *name);
static const struct module_info *module_image_info (struct module_image *);
static struct module *module_start (const char *what,
                                    const struct module_info *,
                                    void *memory, size_t page_cnt);

/* Initializes the module system.  Call once, before any module
   loads. */
void
module_init (void)
{
  lock_init (&module_lock);
}

/* Prints "insmod: WHAT: " and FORMAT, formatted like printf, as one
   line, WHAT being the module file or built-in module concerned.
   Returns false, so that a check can "return module_refuse (...)". */
bool
module_refuse (const char *what, const char *format, ...)
{
  char line[MODULE_MESSAGE_MAX];
  va_list args;

  va_start (args, format);
  vsnprintf (line, sizeof line, format, args);
  va_end (args);
  printf ("insmod: %s: %s\n", what, line);
  return false;
}

/* Loads the module whose file, FILE_NAME, has been read into the SIZE
   bytes at DATA: checks it, copies its sections into new kernel
   pages, links it against the export table and calls its init.
   DATA is not needed afterwards.  Returns the started module, or a
   null pointer after printing one line saying why it was refused, in
   which case everything it took has been given back.  May sleep;
   call with interrupts on, from a thread. */
struct module *
module_load (const char *file_name, const void *data, size_t size)
{
  struct module_image image = { .file_name = file_name, .data = data,
                                .size = size };
  const struct module_info *info;
  struct module *m = NULL;
  uint8_t *memory = NULL;
  size_t page_cnt = 0;

  lock_acquire (&module_lock);
  if (!module_elf_check (&image) || !module_elf_layout (&image))
    goto done;
  page_cnt = DIV_ROUND_UP (image.memory_size, PGSIZE);
  memory = palloc_get_multiple (PAL_ZERO, page_cnt);
  if (memory == NULL)
    {
      module_refuse (file_name, "out of memory (%zu pages)", page_cnt);
      goto done;
    }
  module_elf_place (&image, memory);
  if (!module_elf_resolve (&image) || !module_elf_relocate (&image))
    goto done;
  info = module_image_info (&image);
  if (info != NULL)
    m = module_start (file_name, info, memory, page_cnt);

 done:
  if (m == NULL && memory != NULL)
    palloc_free_multiple (memory, page_cnt);
  module_elf_release (&image);
  lock_release (&module_lock);
  return m;
}

/* Starts the module called NAME that is built into the kernel: calls
   its init.  Returns the started module, or a null pointer after
   printing why not.  May sleep; call from a thread. */
struct module *
module_start_builtin (const char *name)
{
  const struct module_info *info = module_builtin_lookup (name);
  struct module *m = NULL;

  lock_acquire (&module_lock);
  if (info == NULL)
    module_refuse (name, "no module of that name is built in");
  else
    m = module_start (name, info, NULL, 0);
  lock_release (&module_lock);
  return m;
}

/* Returns true if the kernel has a built-in module called NAME,
   started or not.  Any context. */
bool
module_is_builtin (const char *name)
{
  return module_builtin_lookup (name) != NULL;
}

/* Returns true if the module called NAME is started.  May sleep. */
bool
module_is_loaded (const char *name)
{
  bool loaded;

  lock_acquire (&module_lock);
  loaded = module_lookup (name) != NULL;
  lock_release (&module_lock);
  return loaded;
}

/* Unloads the module called NAME: calls its exit and frees the pages
   it was loaded into.  Returns true, or false after printing why if
   no such module is started.  May sleep; call from a thread. */
bool
module_unload (const char *name)
{
  struct module *m;

  lock_acquire (&module_lock);
  m = module_lookup (name);
  if (m != NULL)
    {
      if (m->info->exit != NULL)
        m->info->exit ();
      list_remove (&m->elem);
      printf ("rmmod: %s: module unloaded\n", m->name);
      if (m->memory != NULL)
        palloc_free_multiple (m->memory, m->page_cnt);
      free (m);
    }
  else
    printf ("rmmod: %s: no module of that name is loaded\n", name);
  lock_release (&module_lock);
  return m != NULL;
}

/* Returns the started module called NAME, or a null pointer.  The
   caller holds module_lock. */
static struct module *
module_lookup (const char *name)
{
  struct list_elem *e;

  ASSERT (lock_held_by_current_thread (&module_lock));
  for (e = list_begin (&module_list); e != list_end (&module_list);
       e = list_next (e))
    {
      struct module *m = list_entry (e, struct module, elem);
      if (!strcmp (m->name, name))
        return m;
    }
  return NULL;
}

/* Returns the built-in module called NAME, or a null pointer. */
static const struct module_info *
module_builtin_lookup (const char *name)
{
  return SECTION_FIND (struct module_info, __start_kmodules,
                       __stop_kmodules, name);
}

/* Returns true if the SIZE bytes at P lie within IMAGE's memory. */
static bool
module_in_memory (const struct module_image *image, const void *p,
                  size_t size)
{
  const uint8_t *byte = p;

  return byte >= image->memory && size <= image->memory_size
         && (size_t) (byte - image->memory) <= image->memory_size - size;
}

/* Finds the struct module_info of IMAGE, which is linked, and checks
   that its name and functions lie within the module.  Returns it, or
   a null pointer after printing why not. */
static const struct module_info *
module_image_info (struct module_image *image)
{
  const struct module_info *info;
  const char *problem = NULL;
  size_t room, len;

  info = module_elf_find_global (image, MODULE_INFO_SYMBOL, &room);
  if (info == NULL)
    problem = "no module_info symbol (MODULE_INFO missing?)";
  else if (room < sizeof *info || !module_in_memory (image, info->name, 1))
    problem = "module_info is malformed";
  else
    {
      len = strnlen (info->name, image->memory + image->memory_size
                                 - (const uint8_t *) info->name);
      if (len == 0 || len > MODULE_NAME_MAX)
        problem = "module name is empty or too long";
      else if (!module_in_memory (image, info->init, 1)
               || (info->exit != NULL
                   && !module_in_memory (image, info->exit, 1)))
        problem = "init or exit function lies outside the module";
    }
  if (problem != NULL)
    {
      module_refuse (image->file_name, "%s", problem);
      return NULL;
    }
  return info;
}

/* Returns why a module described by INFO cannot start, or a null
   pointer if it can: none of its name may be started, and a module
   loaded from a file (LOADED) may not take a built-in module's name.
   The caller holds module_lock. */
static const char *
module_start_problem (const struct module_info *info, bool loaded)
{
  if (module_lookup (info->name) != NULL)
    return "is already loaded";
  if (loaded && module_is_builtin (info->name))
    return "is built into the kernel";
  return NULL;
}

/* Starts a module described by INFO, held in PAGE_CNT pages at MEMORY
   (none for a built-in module): calls its init and adds it to the
   list.  WHAT names it in messages.  Returns the module, or a null
   pointer after printing why it did not start.  The caller holds
   module_lock and frees MEMORY on failure. */
static struct module *
module_start (const char *what, const struct module_info *info,
              void *memory, size_t page_cnt)
{
  const char *problem = module_start_problem (info, memory != NULL);
  struct module *m;
  int error;

  if (problem != NULL)
    {
      module_refuse (what, "module '%s' %s", info->name, problem);
      return NULL;
    }
  m = malloc (sizeof *m);
  if (m == NULL)
    {
      module_refuse (what, "out of memory");
      return NULL;
    }
  error = info->init ();
  if (error != 0)
    {
      module_refuse (what, "init of module '%s' failed (error %d)",
                     info->name, error);
      free (m);
      return NULL;
    }

  strlcpy (m->name, info->name, sizeof m->name);
  m->info = info;
  m->memory = memory;
  m->page_cnt = page_cnt;
  list_push_back (&module_list, &m->elem);
  printf ("insmod: %s: module '%s' loaded\n", what, m->name);
  return m;
}
