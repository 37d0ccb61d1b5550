/* Part of the string-unit test: snprintf formatting (flags, widths,
   precisions, every length modifier and conversion) and what it
   returns and stores when the buffer is too small. */

#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "tests/base/check.h"
#include "tests/base/string-unit.h"
#include "tests/ktest.h"

/* Room for any result below, and a byte that marks untouched room. */
#define FORMAT_BUF_SIZE 64
#define FORMAT_UNTOUCHED '#'

/* Number of formats checked so far. */
static int format_checks;

/* Formats FORMAT with what follows into a buffer of SIZE bytes (at
   most FORMAT_BUF_SIZE - 1) and checks that the buffer then holds
   EXPECTED, that the bytes after the first SIZE are untouched, and
   that the call returned RETURNED, the length of the untruncated
   output. */
static void PRINTF_FORMAT (4, 5)
check_trunc (size_t size, const char *expected, int returned,
             const char *format, ...)
{
  char buf[FORMAT_BUF_SIZE];
  va_list args;
  int len;

  memset (buf, FORMAT_UNTOUCHED, sizeof buf);
  va_start (args, format);
  len = vsnprintf (buf, size, format, args);
  va_end (args);

  CHECK (size == 0 || !strcmp (buf, expected),
         "format \"%s\" into %zu bytes: got \"%.*s\", expected \"%s\"",
         format, size, (int) size, buf, expected);
  CHECK (buf[size] == FORMAT_UNTOUCHED,
         "format \"%s\" into %zu bytes wrote past the end", format, size);
  CHECK (len == returned, "format \"%s\" into %zu bytes returned %d, not %d",
         format, size, len, returned);
  format_checks++;
}

/* Checks that FORMAT with what follows formats as EXPECTED (in a
   large enough buffer), returning its length. */
#define CHECK_FORMAT(EXPECTED, ...)                                     \
  check_trunc (FORMAT_BUF_SIZE - 1, EXPECTED, strlen (EXPECTED),        \
               __VA_ARGS__)

/* Decimal conversions: signs, widths, precisions, extremes, and
   grouping by thousands (the "'" flag). */
static void
test_decimal (void)
{
  CHECK_FORMAT ("0", "%d", 0);
  CHECK_FORMAT ("-1", "%i", -1);
  CHECK_FORMAT ("-2147483648", "%d", INT_MIN);
  CHECK_FORMAT ("2147483647", "%d", INT_MAX);
  CHECK_FORMAT ("4294967295", "%u", UINT_MAX);
  CHECK_FORMAT ("   42", "%5d", 42);
  CHECK_FORMAT ("42   |", "%-5d|", 42);
  CHECK_FORMAT ("00042", "%05d", 42);
  CHECK_FORMAT ("-0042", "%05d", -42);
  CHECK_FORMAT ("+42 -42", "%+d %+d", 42, -42);
  CHECK_FORMAT (" 42", "% d", 42);
  CHECK_FORMAT ("-00042", "%.5d", -42);
  CHECK_FORMAT ("     007", "%8.3d", 7);
  CHECK_FORMAT ("007     |", "%-8.3d|", 7);
  CHECK_FORMAT ("[]", "[%.0d]", 0);
  CHECK_FORMAT ("    42", "%*d", 6, 42);
  CHECK_FORMAT ("42    |", "%*d|", -6, 42);
  CHECK_FORMAT ("0007", "%.*d", 4, 7);
  CHECK_FORMAT ("1,234,567 -1,234 999", "%'d %'d %'d", 1234567, -1234, 999);
  CHECK_FORMAT ("-9,223,372,036,854,775,808", "%'lld", LLONG_MIN);
  CHECK_FORMAT ("   12,345", "%'9u", 12345u);
  CHECK_FORMAT ("0 1,000 999,999 []", "%'d %'d %'d [%'.0d]", 0, 1000, 999999, 0);
  {
    /* Flags the compiler calls redundant: not a literal, so it
       lets them through. */
    const char *ignored = "%-05d|%05.3d|%+ d % +d";
    CHECK_FORMAT ("42   |  007|+42 +42", ignored, 42, 7, 42, 42);
  }
  CHECK_FORMAT ("-00000042", "%09d", -42);
}

/* Other bases, characters, strings, pointers and literal percents. */
static void
test_other_conversions (void)
{
  CHECK_FORMAT ("ff FF", "%x %X", 255u, 255u);
  CHECK_FORMAT ("0xff 0XFF 0", "%#x %#X %#x", 255u, 255u, 0u);
  CHECK_FORMAT ("deadbeef", "%x", 0xdeadbeefu);
  CHECK_FORMAT ("0000beef", "%08x", 0xbeefu);
  CHECK_FORMAT ("0x0000beef", "%#010x", 0xbeefu);
  CHECK_FORMAT ("10 010 0", "%o %#o %#o", 8u, 8u, 0u);
  CHECK_FORMAT ("37777777777", "%o", UINT_MAX);
  CHECK_FORMAT ("A|  A|A  |", "%c|%3c|%-3c|", 'A', 'A', 'A');
  CHECK_FORMAT ("ring|  ring|ring  |", "%s|%6s|%-6s|", "ring", "ring", "ring");
  CHECK_FORMAT ("ri|    ri|", "%.2s|%6.2s|", "ring", "ring");
  CHECK_FORMAT ("[]", "[%s]", "");
  CHECK_FORMAT ("0xc0001234", "%p", (void *) 0xc0001234);
  CHECK_FORMAT ("100% %", "100%% %%");
  CHECK_FORMAT ("x=-3, y=ab, z=7", "x=%d, y=%c%c, z=%u", -3, 'a', 'b', 7u);
  CHECK_FORMAT ("0x0", "%p", NULL);
  CHECK_FORMAT ("010 010", "%#.3o %#o", 8u, 8u);
  CHECK_FORMAT ("    0|ff", "%#5x|%hhx", 0u, 0x1ffu);
  {
    /* Volatile, so the compiler cannot see the null it warns about. */
    const char *volatile none = NULL;
    CHECK_FORMAT ("(null)|  (nu|", "%s|%5.3s|", none, none);
  }
  {
    /* Not a literal, so the compiler lets the unknown ones through. */
    const char *unknown = "[%q] [%5q] abc%";
    CHECK_FORMAT ("[%q] [%5q] abc%", unknown, 0);
  }
}

/* Length modifiers, 64-bit values among them. */
static void
test_lengths (void)
{
  CHECK_FORMAT ("-9223372036854775808", "%lld", LLONG_MIN);
  CHECK_FORMAT ("9223372036854775807", "%lld", LLONG_MAX);
  CHECK_FORMAT ("18446744073709551615", "%llu", ULLONG_MAX);
  CHECK_FORMAT ("-1234567890123", "%lld", -1234567890123LL);
  CHECK_FORMAT ("123456789abcdef", "%llx", 0x0123456789abcdefULL);
  CHECK_FORMAT ("FEDCBA9876543210", "%llX", 0xfedcba9876543210ULL);
  CHECK_FORMAT ("1777777777777777777777", "%llo", ULLONG_MAX);
  CHECK_FORMAT ("  -4294967296", "%13lld", -4294967296LL);
  CHECK_FORMAT ("-9223372036854775808", "%jd", INTMAX_MIN);
  CHECK_FORMAT ("-2147483648", "%ld", LONG_MIN);
  CHECK_FORMAT ("4294967295", "%zu", SIZE_MAX);
  CHECK_FORMAT ("-5", "%td", (ptrdiff_t) -5);
  CHECK_FORMAT ("44 0", "%hhd %hhu", 300, 256);
  CHECK_FORMAT ("32767 4464", "%hd %hu", -32769, 70000);
}

/* Output that does not fit: truncated, null-terminated, and the
   return value still counts everything. */
static void
test_truncation (void)
{
  check_trunc (5, "abcd", 8, "%s", "abcdefgh");
  check_trunc (1, "", 3, "xyz");
  check_trunc (0, "", 6, "%d", -12345);
  check_trunc (4, "-12", 6, "%d", -12345);
  check_trunc (7, "-12345", 6, "%d", -12345);
  check_trunc (3, "ab", 20, "%s%018llu", "ab", 0ULL);
  CHECK (snprintf (NULL, 0, "%lld", LLONG_MIN) == 20,
         "snprintf (NULL, 0, ...) does not count the output");
}

/* Runs the formatting checks and reports how many passed. */
void
string_unit_format (void)
{
  test_decimal ();
  test_other_conversions ();
  test_lengths ();
  test_truncation ();
  msg ("snprintf: %d formats as specified", format_checks);
}
