/* Name lookup in linker-gathered tables (see lib/kernel/section.h). */

#include "section.h"
#include <debug.h>
#include <stdint.h>
#include <string.h>

/* Returns the entry called NAME in the table that runs from START up
   to STOP, each entry ENTRY_SIZE bytes and beginning with a
   "const char *" naming it, or a null pointer if no entry has that
   name.  The first match wins.  Any context. */
const void *
section_find (const void *start, const void *stop, size_t entry_size,
              const char *name)
{
  const uint8_t *entry;

  ASSERT (entry_size >= sizeof (const char *));
  ASSERT ((const uint8_t *) start <= (const uint8_t *) stop);
  for (entry = start; entry < (const uint8_t *) stop; entry += entry_size)
    {
      const char *entry_name = *(const char *const *) entry;
      if (!strcmp (entry_name, name))
        return entry;
    }
  return NULL;
}
