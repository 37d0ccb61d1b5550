/* A test module carrying a relocation the loader does not support:
   R_386_GOTPC (type 10), as code compiled with -fpic would.  The word
   refers to itself, so every symbol is defined and only the
   relocation type is wrong. */

#include "tests/ktest.h"
#include "threads/module.h"

asm (".pushsection .data\n"
     "badreloc_word:\n"
     "\t.reloc badreloc_word, R_386_GOTPC, badreloc_word\n"
     "\t.long 0\n"
     ".popsection");

/* Never called: the module is refused first. */
static int
badreloc_init (void)
{
  msg ("mod-badreloc: init called despite its relocation");
  return 0;
}

MODULE_INFO ("mod-badreloc", badreloc_init, NULL);
