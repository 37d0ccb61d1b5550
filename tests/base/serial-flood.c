/* Console throughput: prints a hundred long lines in a fixed pattern,
   half through printf and half through msg, faster than the serial
   port can send them, so the interrupt-driven output queue fills and
   drains many times.  The .ck checks that every character arrived,
   in order. */

#include <stdio.h>
#include "tests/base/check.h"
#include "tests/ktest.h"

/* Lines printed, and pattern characters on each. */
#define FLOOD_LINES 100
#define FLOOD_WIDTH 64

/* The characters of the pattern; line N starts at character N. */
static const char flood_alphabet[] =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/* Prints the lines: "(serial-flood) NNNN " and FLOOD_WIDTH pattern
   characters, even lines with printf, odd ones with msg. */
static void
serial_flood_test (void)
{
  char line[FLOOD_WIDTH + 1];
  size_t alphabet_len = sizeof flood_alphabet - 1;
  int i, j;

  for (i = 0; i < FLOOD_LINES; i++)
    {
      for (j = 0; j < FLOOD_WIDTH; j++)
        line[j] = flood_alphabet[(i + j) % alphabet_len];
      line[FLOOD_WIDTH] = '\0';
      if (i % 2 == 0)
        printf ("(serial-flood) %04d %s\n", i, line);
      else
        msg ("%04d %s", i, line);
    }
}

KTEST ("serial-flood", serial_flood_test);
