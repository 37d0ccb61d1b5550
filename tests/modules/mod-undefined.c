/* A test module calling a function that exists nowhere, so the loader
   must refuse it, naming the symbol. */

#include "threads/module.h"

/* Defined by no one. */
void mod_nowhere (void);

/* Would call the missing function. */
static int
undefined_init (void)
{
  mod_nowhere ();
  return 0;
}

MODULE_INFO ("mod-undefined", undefined_init, NULL);
