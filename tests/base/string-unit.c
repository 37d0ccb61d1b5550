/* Unit test of the freestanding C library: the functions of
   <string.h> here, then formatting, <stdlib.h>, 64-bit division and
   random numbers in the other string-unit-*.c files. */

#include <string.h>
#include "tests/base/check.h"
#include "tests/base/string-unit.h"
#include "tests/ktest.h"

/* memcpy, memmove (overlapping both ways), memset, memcmp, memchr. */
static void
test_memory (void)
{
  char buf[16];
  static const unsigned char lo[] = { 0x01 }, hi[] = { 0xff };

  check_ptr ("memcpy result", memcpy (buf, "0123456789", 11), buf);
  check_str ("memcpy", buf, "0123456789");
  check_ptr ("memmove result", memmove (buf + 2, buf, 8), buf + 2);
  check_str ("memmove to a higher overlapping address", buf, "0101234567");
  memcpy (buf, "0123456789", 11);
  memmove (buf, buf + 2, 8);
  check_str ("memmove to a lower overlapping address", buf, "2345678989");

  check_ptr ("memset result", memset (buf, 0x17f, 4), buf);
  CHECK ((unsigned char) buf[0] == 0x7f && (unsigned char) buf[3] == 0x7f
         && buf[4] == '6', "memset did not set 4 bytes to 0x7f");

  check_int ("memcmp equal", memcmp ("abc", "abc", 3), 0);
  CHECK (memcmp ("abc", "abd", 3) < 0, "memcmp abc abd is not negative");
  CHECK (memcmp (lo, hi, 1) < 0, "memcmp does not compare bytes unsigned");
  check_int ("memcmp of 0 bytes", memcmp ("a", "b", 0), 0);

  memcpy (buf, "ab\0cd", 6);
  check_ptr ("memchr past a null byte", memchr (buf, 'd', 5), buf + 4);
  check_ptr ("memchr of a null byte", memchr (buf, '\0', 5), buf + 2);
  check_ptr ("memchr outside the size", memchr (buf, 'd', 4), NULL);
  msg ("memcpy memmove memset memcmp memchr: as specified");
}

/* strcmp, strncmp, strchr, strrchr, strspn, strcspn, strpbrk, strstr. */
static void
test_search (void)
{
  static const char s[] = "ringlet rings", t[] = "aaab";

  CHECK (strcmp ("abc", "abd") < 0 && strcmp ("abd", "abc") > 0,
         "strcmp orders abc and abd wrongly");
  CHECK (strcmp ("abc", "ab") > 0, "strcmp: a prefix is not smaller");
  CHECK (strcmp ("\xff", "a") > 0, "strcmp does not compare unsigned");
  check_int ("strcmp equal", strcmp ("ring", "ring"), 0);
  check_int ("strncmp of a common prefix", strncmp ("abcdef", "abcxyz", 3), 0);
  CHECK (strncmp ("abcdef", "abcxyz", 4) < 0, "strncmp beyond the prefix");
  check_int ("strncmp of 0 bytes", strncmp ("a", "b", 0), 0);

  check_ptr ("strchr", strchr (s, 'g'), s + 3);
  check_ptr ("strchr of the null byte", strchr (s, '\0'), s + 13);
  check_ptr ("strchr of an absent byte", strchr (s, 'z'), NULL);
  check_ptr ("strrchr", strrchr (s, 'g'), s + 11);
  check_ptr ("strrchr of an absent byte", strrchr (s, 'z'), NULL);
  check_ptr ("strrchr of the null byte", strrchr (s, '\0'), s + 13);
  check_ptr ("strrchr at the first byte", strrchr (s, 'r'), s + 8);
  check_ptr ("strstr at the very end", strstr (s, "s"), s + 12);

  check_uint ("strspn", strspn ("aabbcd", "ab"), 4);
  check_uint ("strspn of no match", strspn ("xyz", "ab"), 0);
  check_uint ("strcspn", strcspn ("hello, world", ", "), 5);
  check_uint ("strcspn of no match", strcspn ("hello", "xyz"), 5);
  check_ptr ("strpbrk", strpbrk (s, " n"), s + 2);
  check_ptr ("strpbrk of no match", strpbrk (s, "xyz"), NULL);

  check_ptr ("strstr", strstr (s, "rings"), s + 8);
  check_ptr ("strstr after a false start", strstr (t, "aab"), t + 1);
  check_ptr ("strstr of the empty string", strstr (s, ""), s);
  check_ptr ("strstr of an absent string", strstr (s, "ringo"), NULL);
  msg ("strcmp strncmp strchr strrchr strspn strcspn strpbrk strstr: "
       "as specified");
}

/* strlen, strnlen, strlcpy, strlcat: lengths and truncation. */
static void
test_lengths (void)
{
  char buf[8];

  check_uint ("strlen of the empty string", strlen (""), 0);
  check_uint ("strlen", strlen ("ringlet"), 7);
  check_uint ("strnlen, bounded", strnlen ("ringlet", 3), 3);
  check_uint ("strnlen, unbounded", strnlen ("ab", 10), 2);

  check_uint ("strlcpy return when truncating",
              strlcpy (buf, "ringlet", 4), 7);
  check_str ("strlcpy truncated", buf, "rin");
  memcpy (buf, "xyz", 4);
  check_uint ("strlcpy into 0 bytes", strlcpy (buf, "ringlet", 0), 7);
  check_str ("strlcpy into 0 bytes", buf, "xyz");
  check_uint ("strlcpy of a fitting string",
              strlcpy (buf, "ring", sizeof buf), 4);
  check_str ("strlcpy", buf, "ring");

  check_uint ("strlcat return when truncating", strlcat (buf, "lets", 7), 8);
  check_str ("strlcat truncated", buf, "ringle");
  memcpy (buf, "ab", 3);
  check_uint ("strlcat of a fitting string",
              strlcat (buf, "cd", sizeof buf), 4);
  check_str ("strlcat", buf, "abcd");
  check_uint ("strlcat into a full buffer", strlcat (buf, "xy", 3), 6);
  check_str ("strlcat into a full buffer", buf, "abcd");
  msg ("strlen strnlen strlcpy strlcat: lengths and truncation right");
}

/* strtok_r over runs of delimiters, and two tokenizers at once. */
static void
test_strtok (void)
{
  char outer[] = "  one,two,,three  ", inner[] = "a:b";
  char *save_outer, *save_inner, *tok;
  static const char *const words[] = { "one", "two", "three" };
  size_t i = 0;

  for (tok = strtok_r (outer, " ,", &save_outer); tok != NULL;
       tok = strtok_r (NULL, " ,", &save_outer))
    {
      CHECK (i < 3, "strtok_r found a fourth token \"%s\"", tok);
      check_str ("strtok_r token", tok, words[i++]);
      if (i == 1)
        {
          check_str ("inner token", strtok_r (inner, ":", &save_inner), "a");
          check_str ("inner token", strtok_r (NULL, ":", &save_inner), "b");
          check_ptr ("inner end", strtok_r (NULL, ":", &save_inner), NULL);
        }
    }
  check_uint ("strtok_r tokens", i, 3);
  {
    char blanks[] = " ,, ";
    check_ptr ("strtok_r of only delimiters",
               strtok_r (blanks, " ,", &save_outer), NULL);
    check_ptr ("strtok_r after the end",
               strtok_r (NULL, " ,", &save_outer), NULL);
  }
  msg ("strtok_r: 3 tokens, nested tokenizer independent");
}

/* Runs every part of the test. */
static void
string_unit_test (void)
{
  test_memory ();
  test_search ();
  test_lengths ();
  test_strtok ();
  string_unit_format ();
  string_unit_stdlib ();
  string_unit_divide ();
  string_unit_random ();
}

KTEST ("string-unit", string_unit_test);
