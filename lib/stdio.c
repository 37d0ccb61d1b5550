/* The printf formatting engine (__vprintf) and the functions built
   only on it: snprintf, hex_dump, print_human_readable_size.  Where
   printf's characters go is decided elsewhere (see <stdio.h>). */
#include <stdio.h>
#include <ctype.h>
#include <inttypes.h>
#include <stdint.h>
#include <string.h>

/* Flags of a conversion: "%-+ #0...". */
enum printf_flags
  {
    PRINTF_MINUS = 1 << 0,      /* '-': justify left. */
    PRINTF_PLUS = 1 << 1,       /* '+': sign positive numbers with '+'. */
    PRINTF_SPACE = 1 << 2,      /* ' ': sign positive numbers with ' '. */
    PRINTF_ALT = 1 << 3,        /* '#': 0 before octal, 0x before hex. */
    PRINTF_ZERO = 1 << 4,       /* '0': pad numbers with zeros. */
    PRINTF_GROUP = 1 << 5       /* '\'': group decimal digits by threes. */
  };

/* Length modifiers: the type of an integer argument. */
enum printf_length
  {
    PRINTF_INT,                 /* (none): int. */
    PRINTF_CHAR,                /* hh: char. */
    PRINTF_SHORT,               /* h: short. */
    PRINTF_LONG,                /* l: long. */
    PRINTF_LLONG,               /* ll: long long. */
    PRINTF_INTMAX,              /* j: intmax_t. */
    PRINTF_SIZE,                /* z: size_t. */
    PRINTF_PTRDIFF              /* t: ptrdiff_t. */
  };

/* Precision when the format gives none. */
#define PRINTF_NO_PRECISION (-1)

/* Widths and precisions stop growing here, rather than overflow. */
#define PRINTF_NUMBER_MAX 100000000

/* One parsed conversion, everything between '%' and its letter. */
struct printf_conversion
  {
    unsigned flags;             /* Set of enum printf_flags. */
    int width;                  /* Minimum field width. */
    int precision;              /* Precision or PRINTF_NO_PRECISION. */
    enum printf_length length;  /* Size of an integer argument. */
  };

/* Where formatted characters go. */
struct printf_sink
  {
    void (*output) (char, void *);      /* Called for each character. */
    void *aux;                          /* Passed to OUTPUT. */
  };

/* Sends CH to SINK COUNT times (no times if COUNT <= 0). */
static void
printf_repeat (const struct printf_sink *sink, char ch, int count)
{
  for (; count > 0; count--)
    sink->output (ch, sink->aux);
}

/* Sends the LENGTH characters of STRING to SINK. */
static void
printf_chars (const struct printf_sink *sink, const char *string, size_t length)
{
  for (; length > 0; length--)
    sink->output (*string++, sink->aux);
}

/* Parses the flags at FORMAT into C.  Returns the first character
   after them.  The flag characters are listed in the order of
   the bits of enum printf_flags. */
static const char *
printf_parse_flags (const char *format, struct printf_conversion *c)
{
  static const char flag_chars[] = "-+ #0\'";
  const char *flag;

  c->flags = 0;
  while (*format != '\0' && (flag = strchr (flag_chars, *format)) != NULL)
    {
      c->flags |= 1u << (flag - flag_chars);
      format++;
    }
  return format;
}

/* Parses a decimal number or a '*' at *FORMAT, advancing *FORMAT past
   it.  A '*' takes the number from ARGS.  Returns the number, or 0
   if there is neither.  A written number is limited to about
   PRINTF_NUMBER_MAX. */
static int
printf_parse_number (const char **format, va_list *args)
{
  int value = 0;

  if (**format == '*')
    {
      (*format)++;
      return va_arg (*args, int);
    }
  if (!isdigit (**format))
    return 0;
  for (; isdigit (**format); (*format)++)
    if (value <= PRINTF_NUMBER_MAX / 10)
      value = value * 10 + (**format - '0');
  return value;
}

/* Parses the length modifier at FORMAT into C.  Returns the first
   character after it. */
static const char *
printf_parse_length (const char *format, struct printf_conversion *c)
{
  c->length = PRINTF_INT;
  switch (*format)
    {
    case 'h':
      c->length = format[1] == 'h' ? PRINTF_CHAR : PRINTF_SHORT;
      break;
    case 'l':
      c->length = format[1] == 'l' ? PRINTF_LLONG : PRINTF_LONG;
      break;
    case 'j': c->length = PRINTF_INTMAX; break;
    case 'z': c->length = PRINTF_SIZE; break;
    case 't': c->length = PRINTF_PTRDIFF; break;
    default: return format;
    }
  return format + 1 + (c->length == PRINTF_CHAR || c->length == PRINTF_LLONG);
}

/* Parses the conversion at FORMAT, just after its '%', into C, taking
   any '*' width or precision from ARGS.  Returns a pointer to the
   conversion letter. */
static const char *
printf_parse (const char *format, struct printf_conversion *c, va_list *args)
{
  format = printf_parse_flags (format, c);

  c->width = printf_parse_number (&format, args);
  if (c->width < 0)
    {
      /* A negative '*' width means left justification. */
      c->flags |= PRINTF_MINUS;
      c->width = -c->width;
    }

  c->precision = PRINTF_NO_PRECISION;
  if (*format == '.')
    {
      format++;
      c->precision = printf_parse_number (&format, args);
      if (c->precision < 0)
        c->precision = PRINTF_NO_PRECISION;
    }

  return printf_parse_length (format, c);
}

/* Takes a signed integer of C's length from ARGS. */
static intmax_t
printf_signed_arg (const struct printf_conversion *c, va_list *args)
{
  switch (c->length)
    {
    case PRINTF_CHAR: return (signed char) va_arg (*args, int);
    case PRINTF_SHORT: return (short) va_arg (*args, int);
    case PRINTF_LONG: return va_arg (*args, long);
    case PRINTF_LLONG: return va_arg (*args, long long);
    case PRINTF_INTMAX: return va_arg (*args, intmax_t);
    case PRINTF_SIZE: return (ptrdiff_t) va_arg (*args, size_t);
    case PRINTF_PTRDIFF: return va_arg (*args, ptrdiff_t);
    default: return va_arg (*args, int);
    }
}

/* Takes an unsigned integer of C's length from ARGS. */
static uintmax_t
printf_unsigned_arg (const struct printf_conversion *c, va_list *args)
{
  switch (c->length)
    {
    case PRINTF_CHAR: return (unsigned char) va_arg (*args, unsigned);
    case PRINTF_SHORT: return (unsigned short) va_arg (*args, unsigned);
    case PRINTF_LONG: return va_arg (*args, unsigned long);
    case PRINTF_LLONG: return va_arg (*args, unsigned long long);
    case PRINTF_INTMAX: return va_arg (*args, uintmax_t);
    case PRINTF_SIZE: return va_arg (*args, size_t);
    case PRINTF_PTRDIFF: return (size_t) va_arg (*args, ptrdiff_t);
    default: return va_arg (*args, unsigned);
    }
}

/* Sends PREFIX (a sign or "0x"), then the DIGIT_CNT characters at
   DIGITS in reverse order, to SINK, padded as C asks. */
static void
printf_padded_number (const struct printf_sink *sink,
                      const struct printf_conversion *c, const char *prefix,
                      const char *digits, int digit_cnt)
{
  int prefix_len = strlen (prefix);
  int zeros = c->precision > digit_cnt ? c->precision - digit_cnt : 0;
  int spaces = c->width - prefix_len - zeros - digit_cnt;

  if ((c->flags & PRINTF_ZERO) && !(c->flags & PRINTF_MINUS)
      && c->precision == PRINTF_NO_PRECISION && spaces > 0)
    {
      zeros += spaces;
      spaces = 0;
    }

  if (!(c->flags & PRINTF_MINUS))
    printf_repeat (sink, ' ', spaces);
  printf_chars (sink, prefix, prefix_len);
  printf_repeat (sink, '0', zeros);
  while (digit_cnt > 0)
    sink->output (digits[--digit_cnt], sink->aux);
  if (c->flags & PRINTF_MINUS)
    printf_repeat (sink, ' ', spaces);
}

/* Returns the prefix of a number printed with conversion letter
   LETTER: a sign for signed conversions (NEGATIVE tells the value's
   sign), "0x" or "0X" for hexadecimal ones that ask for it. */
static const char *
printf_prefix (char letter, const struct printf_conversion *c,
               bool negative, uintmax_t magnitude)
{
  if (letter == 'd' || letter == 'i')
    {
      if (negative)
        return "-";
      if (c->flags & PRINTF_PLUS)
        return "+";
      return c->flags & PRINTF_SPACE ? " " : "";
    }
  if (letter == 'p')
    return "0x";
  if ((c->flags & PRINTF_ALT) && magnitude != 0)
    return letter == 'X' ? "0X" : letter == 'x' ? "0x" : "";
  return "";
}

/* Formats the integer of magnitude MAGNITUDE, negative if NEGATIVE,
   for conversion letter LETTER (d i u o x X p) as C asks. */
static void
printf_integer (const struct printf_sink *sink, char letter,
                const struct printf_conversion *c, uintmax_t magnitude,
                bool negative)
{
  const char *digit_chars = letter == 'X' ? "0123456789ABCDEF"
                                          : "0123456789abcdef";
  unsigned base = letter == 'o' ? 8 : letter == 'x' || letter == 'X'
                                      || letter == 'p' ? 16 : 10;
  const char *prefix = printf_prefix (letter, c, negative, magnitude);
  char digits[sizeof (uintmax_t) * 4];   /* Octal, or decimal with commas. */
  int digit_cnt = 0;

  bool group = base == 10 && (c->flags & PRINTF_GROUP);
  for (int n = 0; magnitude > 0; magnitude /= base, n++)
    {
      if (group && n > 0 && n % 3 == 0)
        digits[digit_cnt++] = ',';
      digits[digit_cnt++] = digit_chars[magnitude % base];
    }

  /* Without a precision, a number has at least one digit; with "#o"
     it starts with a 0. */
  if (c->precision == PRINTF_NO_PRECISION && digit_cnt == 0)
    digits[digit_cnt++] = '0';
  if (letter == 'o' && (c->flags & PRINTF_ALT)
      && (digit_cnt == 0 || digits[digit_cnt - 1] != '0')
      && c->precision <= digit_cnt)
    digits[digit_cnt++] = '0';

  printf_padded_number (sink, c, prefix, digits, digit_cnt);
}

/* Sends the LENGTH characters of STRING to SINK, space-padded to
   C's width. */
static void
printf_padded_string (const struct printf_sink *sink,
                      const struct printf_conversion *c,
                      const char *string, size_t length)
{
  int spaces = c->width > (int) length ? c->width - (int) length : 0;

  if (!(c->flags & PRINTF_MINUS))
    printf_repeat (sink, ' ', spaces);
  printf_chars (sink, string, length);
  if (c->flags & PRINTF_MINUS)
    printf_repeat (sink, ' ', spaces);
}

/* Formats the %s argument STRING as C asks.  A null pointer prints
   as "(null)". */
static void
printf_string (const struct printf_sink *sink,
               const struct printf_conversion *c, const char *string)
{
  size_t max_length = c->precision == PRINTF_NO_PRECISION
                      ? SIZE_MAX : (size_t) c->precision;

  if (string == NULL)
    string = "(null)";
  printf_padded_string (sink, c, string, strnlen (string, max_length));
}

/* Formats one conversion whose letter is at LETTER, taking its
   argument from ARGS.  START points to the conversion's '%', for
   echoing a conversion this engine does not know. */
static void
printf_convert (const struct printf_sink *sink, const char *start,
                const char *letter, const struct printf_conversion *c,
                va_list *args)
{
  intmax_t value;
  char ch;

  switch (*letter)
    {
    case 'd': case 'i':
      value = printf_signed_arg (c, args);
      printf_integer (sink, *letter, c,
                      value < 0 ? 0 - (uintmax_t) value : (uintmax_t) value,
                      value < 0);
      break;
    case 'u': case 'o': case 'x': case 'X':
      printf_integer (sink, *letter, c, printf_unsigned_arg (c, args), false);
      break;
    case 'p':
      printf_integer (sink, 'p', c,
                      (uintptr_t) va_arg (*args, void *), false);
      break;
    case 'c':
      ch = va_arg (*args, int);
      printf_padded_string (sink, c, &ch, 1);
      break;
    case 's':
      printf_string (sink, c, va_arg (*args, const char *));
      break;
    case '%':
      sink->output ('%', sink->aux);
      break;
    default:
      printf_chars (sink, start, letter - start + (*letter != '\0'));
      break;
    }
}

/* Formats FORMAT with the arguments ARGS, as printf does, and passes
   each resulting character to OUTPUT along with AUX.  Supports the
   flags - + space # 0, width and precision (numbers or '*'), length
   modifiers hh h l ll j z t, and conversions d i u o x X c s p %.
   Floating point is not supported. */
void
__vprintf (const char *format, va_list args,
           void (*output) (char, void *), void *aux)
{
  struct printf_sink sink = { output, aux };

  while (*format != '\0')
    {
      const char *start = format;
      struct printf_conversion c;

      if (*format != '%')
        {
          output (*format++, aux);
          continue;
        }
      format = printf_parse (format + 1, &c, &args);
      printf_convert (&sink, start, format, &c, &args);
      if (*format != '\0')
        format++;
    }
}

/* State of vsnprintf's output: the buffer and how much went in. */
struct printf_buffer
  {
    char *buffer;               /* Start of the buffer. */
    size_t size;                /* Its size in bytes. */
    size_t length;              /* Characters produced so far. */
  };

/* Output function of vsnprintf: stores CH in the buffer AUX if there
   is room for it and a null terminator, and counts it either way. */
static void
printf_buffer_output (char ch, void *aux)
{
  struct printf_buffer *b = aux;

  if (b->length + 1 < b->size)
    b->buffer[b->length] = ch;
  b->length++;
}

/* Formats FORMAT with ARGS into BUFFER, which has room for SIZE
   bytes.  Stores at most SIZE - 1 characters and a null terminator
   (nothing at all if SIZE is 0).  Returns the length the whole output
   has, so the output was cut short exactly when the return value is
   SIZE or more. */
int
vsnprintf (char *buffer, size_t size, const char *format, va_list args)
{
  struct printf_buffer b = { buffer, size, 0 };

  __vprintf (format, args, printf_buffer_output, &b);
  if (size > 0)
    buffer[b.length < size ? b.length : size - 1] = '\0';
  return b.length;
}

/* Like vsnprintf, but takes the arguments after FORMAT. */
int
snprintf (char *buffer, size_t size, const char *format, ...)
{
  va_list args;
  int length;

  va_start (args, format);
  length = vsnprintf (buffer, size, format, args);
  va_end (args);
  return length;
}

/* Bytes shown on each line of a hex dump. */
#define HEX_DUMP_PER_LINE 16

/* Prints one line of a hex dump: the LAST - FIRST bytes at BUF, shown
   at columns FIRST to LAST - 1 of a line that starts at offset
   LINE_OFS.  With ASCII, adds the bytes as characters. */
static void
hex_dump_line (uintptr_t line_ofs, const uint8_t *buf,
               size_t first, size_t last, bool ascii)
{
  size_t end = ascii ? HEX_DUMP_PER_LINE : last;    /* Columns shown. */
  size_t i;

  printf ("%08"PRIxPTR"  ", line_ofs);
  for (i = 0; i < end; i++)
    {
      /* A '-' joins the two middle bytes when both are shown. */
      if (i > 0)
        putchar (i == HEX_DUMP_PER_LINE / 2 && i > first && i < last
                 ? '-' : ' ');
      if (i >= first && i < last)
        printf ("%02x", buf[i - first]);
      else
        printf ("  ");
    }
  if (ascii)
    {
      printf ("  |");
      for (i = 0; i < HEX_DUMP_PER_LINE; i++)
        putchar (i < first || i >= last ? ' '
                 : isprint (buf[i - first]) ? buf[i - first] : '.');
      putchar ('|');
    }
  putchar ('\n');
}

/* Prints the SIZE bytes at BUFFER in hexadecimal, 16 to a line, each
   line starting with the offset of its first byte, counted as if
   BUFFER were at offset OFS.  Lines are aligned to multiples of 16,
   so the first and last may be partial.  With ASCII, each line ends
   with its bytes as characters, '.' for those not printable. */
void
hex_dump (uintptr_t ofs, const void *buffer, size_t size, bool ascii)
{
  const uint8_t *buf = buffer;

  while (size > 0)
    {
      size_t first = ofs % HEX_DUMP_PER_LINE;
      size_t last = first + size < HEX_DUMP_PER_LINE
                    ? first + size : HEX_DUMP_PER_LINE;

      hex_dump_line (ofs - first, buf, first, last, ascii);
      buf += last - first;
      ofs += last - first;
      size -= last - first;
    }
}

/* Prints SIZE bytes in the largest unit that keeps the number at
   least 1, rounded down: "1 byte", "600 bytes", "4 kB", "31 MB". */
void
print_human_readable_size (uint64_t size)
{
  static const char *const units[] = { "bytes", "kB", "MB", "GB", "TB",
                                       "PB", "EB" };
  size_t unit = 0;

  if (size == 1)
    {
      printf ("1 byte");
      return;
    }
  while (size >= 1024 && unit + 1 < sizeof units / sizeof *units)
    {
      size /= 1024;
      unit++;
    }
  printf ("%"PRIu64" %s", size, units[unit]);
}
