/* Command lines of user processes.  A command line is words separated
   by spaces; the first word names the program.  A new process's stack
   holds them the way the i386 C calling convention and Pintos-style
   programs expect _start (int argc, char *argv[]) to find them:

      PHYS_BASE  +--------------------------+
                 | argv[0] ... argv[argc-1] |  the strings, NUL-terminated,
                 |   strings                |  argv[0]'s lowest
                 | 0-3 bytes of padding     |  to a 4-byte boundary
                 | argv[argc] = NULL        |
                 | argv[argc-1] ... argv[0] |  pointers to the strings
                 | argv                     |  pointer to argv[0]'s slot
                 | argc                     |
        %esp --> | return address = 0       |  as if _start had been called
                 +--------------------------+

   The stack is as many pages as that takes, leaving the program at
   least ARGS_STACK_RESERVE bytes below it: one page for any ordinary
   command line, four for the longest (PGSIZE bytes of one-letter
   words). */

#include "userprog/args.h"
#include <round.h>
#include <stdbool.h>
#include <string.h>
#include "threads/vaddr.h"
#include "userprog/pager.h"

/* Stack bytes left free for the program below its arguments. */
#define ARGS_STACK_RESERVE (PGSIZE / 2)

/* Most stack pages the arguments may take. */
#define ARGS_STACK_PAGES_MAX 4

/* Returns the first word of STRING, setting *LEN to its length, or
   NULL if STRING has no more words. */
const char *
args_word (const char *string, size_t *len)
{
  while (*string == ' ')
    string++;
  if (*string == '\0')
    return NULL;
  *len = strcspn (string, " ");
  return string;
}

/* LAB userprog: arguments */
/* Counts the words of CMD_LINE into *ARGC and the bytes their
   strings take, NULs included, into *STRINGS_SIZE. */
static void
args_measure (const char *cmd_line, int *argc, size_t *strings_size)
{
  size_t len;

  *argc = 0;
  *strings_size = 0;
  for (const char *w = cmd_line; (w = args_word (w, &len)) != NULL; w += len)
    {
      ++*argc;
      *strings_size += len + 1;
    }
}

/* Maps PAGE_CNT zeroed, writable pages just below PHYS_BASE in the
   running process's address space.  Returns NULL on success, else why
   not. */
static const char *
args_map_stack (size_t page_cnt)
{
  for (size_t i = 1; i <= page_cnt; i++)
    {
      struct pager_page page = { .upage = (uint8_t *) PHYS_BASE - i * PGSIZE,
                                 .writable = true };
      if (pager_is_mapped (page.upage))
        return "a segment overlaps the stack";
      const char *error = pager_map (&page);
      if (error != NULL)
        return error;
    }
  return NULL;
}

/* Writes the words of CMD_LINE, ARGC of them, to the stack: their
   strings from STRINGS up, their addresses from UARGV up, then
   UARGV[ARGC] = NULL.  Writes through the user addresses themselves,
   so the process's page table must be active (a pager that maps
   pages on demand loads them as the writes fault). */
static void
args_copy (const char *cmd_line, int argc, char *strings, char **uargv)
{
  size_t len;
  int i = 0;

  for (const char *w = cmd_line; (w = args_word (w, &len)) != NULL; w += len)
    {
      memcpy (strings, w, len);
      strings[len] = '\0';
      uargv[i++] = strings;
      strings += len + 1;
    }
  uargv[argc] = NULL;
}

/* Builds the stack of the running process, whose page table is
   active, for the program and arguments in CMD_LINE, as described at
   the top of this file, and sets *ESP to its top.  Returns NULL on
   success, else why not. */
const char *
args_push (const char *cmd_line, void **esp)
{
  int argc;
  size_t strings_size;
  args_measure (cmd_line, &argc, &strings_size);

  uintptr_t strings = (uintptr_t) PHYS_BASE - strings_size;
  char **uargv = (char **) ROUND_DOWN (strings, sizeof (char *)) - (argc + 1);
  uint32_t *frame = (uint32_t *) uargv - 3;      /* Return, argc, argv. */
  size_t size = (uintptr_t) PHYS_BASE - (uintptr_t) frame;
  size_t page_cnt = DIV_ROUND_UP (size + ARGS_STACK_RESERVE, PGSIZE);
  if (page_cnt > ARGS_STACK_PAGES_MAX)
    return "command line too long";
  const char *error = args_map_stack (page_cnt);
  if (error != NULL)
    return error;

  args_copy (cmd_line, argc, (char *) strings, uargv);
  frame[0] = 0;                         /* Fake return address. */
  frame[1] = argc;
  frame[2] = (uint32_t) uargv;
  *esp = frame;
  return NULL;
}
/* STUB:
const char *
args_push (const char *cmd_line UNUSED, void **esp)
{
  struct pager_page page = { .upage = (uint8_t *) PHYS_BASE - PGSIZE,
                             .writable = true };
  const char *error = pager_map (&page);
  if (error == NULL)
    *esp = PHYS_BASE;
  return error;
}
*/
/* END LAB */
