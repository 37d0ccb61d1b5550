/* Kernel-test framework: finds a test registered with KTEST by name,
   runs it between "(NAME) begin" and "(NAME) end", and gives tests
   the msg/fail/pass helpers that tag every line with the test's
   name. */

#include "tests/ktest.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* The registered tests, gathered by the linker script. */
extern const struct ktest __start_ktests[], __stop_ktests[];

/* Name of the running test, or NULL before any test starts. */
static const char *ktest_name;

/* Name used in output lines when no test is running. */
#define KTEST_NO_NAME "ktest"

/* Bytes of one output line collected before it goes to the console.
   A line longer than this still comes out whole, but possibly mixed
   with other threads' output. */
#define KTEST_LINE_MAX 200

/* One line of output being collected, so that it reaches the console
   in one putbuf () call and lines of different threads do not mix. */
struct ktest_line
  {
    size_t len;                 /* Bytes used in BUF. */
    char buf[KTEST_LINE_MAX];   /* The characters so far. */
  };

static const struct ktest *ktest_find (const char *name);
static void ktest_vprint (const char *suffix, const char *format,
                          va_list args) PRINTF_FORMAT (2, 0);
static void ktest_line_add (struct ktest_line *, const char *format, ...)
  PRINTF_FORMAT (2, 3);

/* Runs the kernel test called NAME, printing "(NAME) begin" before
   and "(NAME) end" after it, and returns true; returns false if no
   test has that name.  A failing test panics and never returns.  The
   test may sleep, so this must run in a thread. */
bool
ktest_run (const char *name)
{
  const struct ktest *t = ktest_find (name);

  if (t == NULL)
    return false;
  ktest_name = t->name;
  msg ("begin");
  t->function ();
  msg ("end");
  return true;
}

/* Prints the names of all registered tests, one per line. */
void
ktest_list (void)
{
  const struct ktest *t;

  for (t = __start_ktests; t < __stop_ktests; t++)
    printf ("%s\n", t->name);
}

/* Prints "(NAME) " and FORMAT, formatted like printf, as one line. */
void
msg (const char *format, ...)
{
  va_list args;

  va_start (args, format);
  ktest_vprint ("", format, args);
  va_end (args);
}

/* Prints "(NAME) ", FORMAT formatted like printf, and ": FAILED" as
   one line, then panics, ending the run. */
void
fail (const char *format, ...)
{
  va_list args;

  va_start (args, format);
  ktest_vprint (": FAILED", format, args);
  va_end (args);
  PANIC ("test failed");
}

/* Prints "(NAME) PASS". */
void
pass (void)
{
  msg ("PASS");
}

/* Returns the test called NAME, or a null pointer. */
static const struct ktest *
ktest_find (const char *name)
{
  const struct ktest *t;

  for (t = __start_ktests; t < __stop_ktests; t++)
    if (!strcmp (t->name, name))
      return t;
  return NULL;
}

/* Sends the characters collected in LINE to the console. */
static void
ktest_line_flush (struct ktest_line *line)
{
  putbuf (line->buf, line->len);
  line->len = 0;
}

/* __vprintf () output function: adds C to the struct ktest_line AUX,
   flushing it first if it is full. */
static void
ktest_line_putc (char c, void *aux)
{
  struct ktest_line *line = aux;

  if (line->len == sizeof line->buf)
    ktest_line_flush (line);
  line->buf[line->len++] = c;
}

/* Adds FORMAT, formatted with ARGS, to LINE. */
static void
ktest_line_add (struct ktest_line *line, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  __vprintf (format, args, ktest_line_putc, line);
  va_end (args);
}

/* Prints "(NAME) ", FORMAT formatted with ARGS, SUFFIX and a new-line
   as one line of output. */
static void
ktest_vprint (const char *suffix, const char *format, va_list args)
{
  struct ktest_line line;

  line.len = 0;
  ktest_line_add (&line, "(%s) ",
                  ktest_name != NULL ? ktest_name : KTEST_NO_NAME);
  __vprintf (format, args, ktest_line_putc, &line);
  ktest_line_add (&line, "%s\n", suffix);
  ktest_line_flush (&line);
}
