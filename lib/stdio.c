/* The printf formatting engine (__vprintf) and the functions built
   only on it: snprintf, vsnprintf, hex_dump, print_human_readable_size.
   Where printf's characters go is decided elsewhere (see <stdio.h>).

   How a conversion is handled: its spec ("%-08.3lld") is read into a
   struct printf_spec; the argument is turned into a struct
   printf_field, which says what text to show and how many zeros go
   before it; one function, printf_emit, then adds the spaces that
   the width asks for.  Every conversion goes through printf_emit. */
#include <stdio.h>
#include <ctype.h>
#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>

/* Size modifiers: the C type an integer argument was passed as. */
enum printf_size
  {
    PRINTF_SIZE_INT,            /* none: int */
    PRINTF_SIZE_CHAR,           /* hh: char */
    PRINTF_SIZE_SHORT,          /* h: short */
    PRINTF_SIZE_LONG,           /* l: long */
    PRINTF_SIZE_LLONG,          /* ll: long long */
    PRINTF_SIZE_INTMAX,         /* j: intmax_t */
    PRINTF_SIZE_SIZE_T,         /* z: size_t */
    PRINTF_SIZE_PTRDIFF         /* t: ptrdiff_t */
  };

/* A written or '*' width or precision larger than this is taken as
   this, so that reading it cannot overflow an int. */
#define PRINTF_COUNT_LIMIT 1000000

/* Everything a conversion spec says, from its '%' to its letter. */
struct printf_spec
  {
    bool left;                  /* '-': pad on the right. */
    char sign;                  /* '+' or ' ' shown before a number >= 0,
                                   or '\0' for nothing. */
    bool alternate;             /* '#': "0x" before hex, '0' before octal. */
    bool zero_pad;              /* '0': pad numbers with zeros. */
    bool group;                 /* '\'': commas between thousands. */
    int width;                  /* Minimum characters; 0 if none given. */
    int precision;              /* -1 if none given. */
    enum printf_size size;      /* Type of an integer argument. */
    char letter;                /* The conversion, or '\0' if FORMAT ended. */
  };

/* What one conversion shows, before padding to the width. */
struct printf_field
  {
    const char *prefix;         /* Sign or "0x", "" if none. */
    int zeros;                  /* '0's between PREFIX and BODY. */
    const char *body;           /* Digits or text. */
    size_t body_len;            /* Length of BODY. */
  };

/* Where characters go: OUTPUT is called with each and AUX. */
struct printf_out
  {
    void (*output) (char, void *);
    void *aux;
  };

/* Sends CH to OUT COUNT times; nothing if COUNT <= 0. */
static void
printf_fill (const struct printf_out *out, char ch, int count)
{
  while (count-- > 0)
    out->output (ch, out->aux);
}

/* Sends the LEN characters at TEXT to OUT. */
static void
printf_write (const struct printf_out *out, const char *text, size_t len)
{
  size_t i;

  for (i = 0; i < len; i++)
    out->output (text[i], out->aux);
}

/* Number of characters FIELD shows before width padding. */
static int
printf_field_len (const struct printf_field *field)
{
  return strlen (field->prefix) + field->zeros + field->body_len;
}

/* Shows FIELD on OUT, with spaces on the side SPEC says up to SPEC's
   width. */
static void
printf_emit (const struct printf_out *out, const struct printf_spec *spec,
             const struct printf_field *field)
{
  int spaces = spec->width - printf_field_len (field);

  if (!spec->left)
    printf_fill (out, ' ', spaces);
  printf_write (out, field->prefix, strlen (field->prefix));
  printf_fill (out, '0', field->zeros);
  printf_write (out, field->body, field->body_len);
  if (spec->left)
    printf_fill (out, ' ', spaces);
}

/* Reads the flag characters at P into SPEC and returns what follows
   them.  '+' outranks ' ' whatever their order. */
static const char *
printf_read_flags (const char *p, struct printf_spec *spec)
{
  for (;; p++)
    switch (*p)
      {
      case '-': spec->left = true; break;
      case '+': spec->sign = '+'; break;
      case ' ': if (spec->sign != '+') spec->sign = ' '; break;
      case '#': spec->alternate = true; break;
      case '0': spec->zero_pad = true; break;
      case '\'': spec->group = true; break;
      default: return p;
      }
}

/* Reads a width or precision at P: digits, or '*' for the next int
   of ARGS.  Stores it in *COUNT (0 if P has neither) and returns what
   follows.  The magnitude is capped at PRINTF_COUNT_LIMIT. */
static const char *
printf_read_count (const char *p, va_list *args, int *count)
{
  int value = 0;

  if (*p == '*')
    {
      value = va_arg (*args, int);
      p++;
    }
  else
    while (isdigit ((unsigned char) *p))
      {
        if (value < PRINTF_COUNT_LIMIT)
          value = value * 10 + (*p - '0');
        p++;
      }
  if (value > PRINTF_COUNT_LIMIT)
    value = PRINTF_COUNT_LIMIT;
  if (value < -PRINTF_COUNT_LIMIT)
    value = -PRINTF_COUNT_LIMIT;
  *count = value;
  return p;
}

/* The size modifiers, longest spelling first so "hh" is not read as
   "h". */
static const struct
  {
    const char *text;
    enum printf_size size;
  }
printf_size_names[] =
  {
    { "hh", PRINTF_SIZE_CHAR }, { "h", PRINTF_SIZE_SHORT },
    { "ll", PRINTF_SIZE_LLONG }, { "l", PRINTF_SIZE_LONG },
    { "j", PRINTF_SIZE_INTMAX }, { "z", PRINTF_SIZE_SIZE_T },
    { "t", PRINTF_SIZE_PTRDIFF },
  };

/* Reads a size modifier at P, if there is one, into SPEC and returns
   what follows it. */
static const char *
printf_read_size (const char *p, struct printf_spec *spec)
{
  size_t i;

  spec->size = PRINTF_SIZE_INT;
  for (i = 0; i < sizeof printf_size_names / sizeof *printf_size_names; i++)
    {
      size_t len = strlen (printf_size_names[i].text);
      if (!strncmp (p, printf_size_names[i].text, len))
        {
          spec->size = printf_size_names[i].size;
          return p + len;
        }
    }
  return p;
}

/* Reads the conversion spec that follows a '%' at P into SPEC,
   taking '*' counts from ARGS.  Returns the address of the
   conversion letter (which may be the format's terminator). */
static const char *
printf_read_spec (const char *p, struct printf_spec *spec, va_list *args)
{
  memset (spec, 0, sizeof *spec);
  p = printf_read_flags (p, spec);
  p = printf_read_count (p, args, &spec->width);
  if (spec->width < 0)
    {
      spec->left = true;              /* "%*d" with a negative width. */
      spec->width = -spec->width;
    }
  spec->precision = -1;
  if (*p == '.')
    {
      p = printf_read_count (p + 1, args, &spec->precision);
      if (spec->precision < 0)
        spec->precision = -1;         /* Negative '*': as if none. */
    }
  p = printf_read_size (p, spec);
  spec->letter = *p;
  return p;
}

/* Bits in an argument of SIZE. */
static unsigned
printf_size_bits (enum printf_size size)
{
  switch (size)
    {
    case PRINTF_SIZE_CHAR: return CHAR_BIT;
    case PRINTF_SIZE_SHORT: return sizeof (short) * CHAR_BIT;
    case PRINTF_SIZE_LONG: return sizeof (long) * CHAR_BIT;
    case PRINTF_SIZE_LLONG: return sizeof (long long) * CHAR_BIT;
    case PRINTF_SIZE_INTMAX: return sizeof (intmax_t) * CHAR_BIT;
    case PRINTF_SIZE_SIZE_T: return sizeof (size_t) * CHAR_BIT;
    case PRINTF_SIZE_PTRDIFF: return sizeof (ptrdiff_t) * CHAR_BIT;
    default: return sizeof (int) * CHAR_BIT;
    }
}

/* Takes the next integer argument, of the type SIZE names, from ARGS
   and returns its bits (char and short arrive promoted to int). */
static uintmax_t
printf_take_bits (enum printf_size size, va_list *args)
{
  switch (size)
    {
    case PRINTF_SIZE_LONG: return va_arg (*args, unsigned long);
    case PRINTF_SIZE_LLONG: return va_arg (*args, unsigned long long);
    case PRINTF_SIZE_INTMAX: return va_arg (*args, uintmax_t);
    case PRINTF_SIZE_SIZE_T: return va_arg (*args, size_t);
    case PRINTF_SIZE_PTRDIFF: return va_arg (*args, ptrdiff_t);
    default: return va_arg (*args, unsigned int);
    }
}

/* Takes an integer argument of SPEC's size from ARGS and splits it
   into a magnitude and a sign.  Only the argument's own bits count:
   "%hhd" of 300 is 44.  If SIGNED_VALUE, the top bit of those is the
   sign; *NEGATIVE says whether it was set. */
static uintmax_t
printf_take_integer (const struct printf_spec *spec, va_list *args,
                     bool signed_value, bool *negative)
{
  unsigned bits = printf_size_bits (spec->size);
  uintmax_t mask = bits >= sizeof (uintmax_t) * CHAR_BIT
                   ? UINTMAX_MAX : ((uintmax_t) 1 << bits) - 1;
  uintmax_t value = printf_take_bits (spec->size, args) & mask;

  *negative = signed_value && (value >> (bits - 1)) != 0;
  return *negative ? (0 - value) & mask : value;
}

/* How each integer conversion writes its number. */
struct printf_radix
  {
    char letter;                /* Conversion letter. */
    unsigned base;              /* 8, 10 or 16. */
    bool signed_value;          /* Argument is a signed type. */
    const char *digits;         /* Digit characters, by value. */
    const char *marker;         /* "0x" that '#' (or %p) adds, or "". */
  };

static const struct printf_radix printf_radixes[] =
  {
    { 'd', 10, true, "0123456789", "" },
    { 'i', 10, true, "0123456789", "" },
    { 'u', 10, false, "0123456789", "" },
    { 'o', 8, false, "01234567", "" },
    { 'x', 16, false, "0123456789abcdef", "0x" },
    { 'X', 16, false, "0123456789ABCDEF", "0X" },
    { 'p', 16, false, "0123456789abcdef", "0x" },
  };

/* The entry of printf_radixes for LETTER, or NULL if LETTER is not an
   integer conversion. */
static const struct printf_radix *
printf_radix_of (char letter)
{
  size_t i;

  for (i = 0; i < sizeof printf_radixes / sizeof *printf_radixes; i++)
    if (printf_radixes[i].letter == letter)
      return &printf_radixes[i];
  return NULL;
}

/* Room for the digits of any uintmax_t: 22 in octal, or 20 decimal
   digits and 6 commas. */
#define PRINTF_DIGITS_ROOM 32

/* Writes MAGNITUDE in RADIX so that it ends just before END, with a
   comma between groups of three digits if GROUP.  Zero gives no
   digits at all.  Returns the number of characters written. */
static size_t
printf_digits (uintmax_t magnitude, const struct printf_radix *radix,
               bool group, char *end)
{
  char *p = end;
  int in_group = 0;

  while (magnitude != 0)
    {
      if (group && in_group == 3)
        {
          *--p = ',';
          in_group = 0;
        }
      *--p = radix->digits[magnitude % radix->base];
      magnitude /= radix->base;
      in_group++;
    }
  return end - p;
}

/* The sign or "0x" that goes before a number of MAGNITUDE, negative
   if NEGATIVE, for SPEC and RADIX. */
static const char *
printf_number_prefix (const struct printf_spec *spec,
                      const struct printf_radix *radix,
                      uintmax_t magnitude, bool negative)
{
  if (radix->signed_value)
    return negative ? "-" : spec->sign == '+' ? "+"
           : spec->sign == ' ' ? " " : "";
  if (radix->letter == 'p' || (spec->alternate && magnitude != 0))
    return radix->marker;
  return "";
}

/* Formats an integer conversion (d i u o x X p) of SPEC, taking its
   argument from ARGS, and shows it on OUT.

   The zeros of a field come from three rules: the precision is the
   least number of digits; "%#o" always starts with a 0; and the '0'
   flag fills the width with zeros unless '-' or a precision is
   given. */
static void
printf_integer (const struct printf_out *out, const struct printf_spec *spec,
                const struct printf_radix *radix, va_list *args)
{
  char room[PRINTF_DIGITS_ROOM];
  char *end = room + sizeof room;
  struct printf_field field;
  uintmax_t magnitude;
  bool negative = false;
  size_t len;

  if (radix->letter == 'p')
    magnitude = (uintptr_t) va_arg (*args, void *);
  else
    magnitude = printf_take_integer (spec, args, radix->signed_value,
                                     &negative);
  len = printf_digits (magnitude, radix,
                       spec->group && radix->base == 10, end);
  if (len == 0 && spec->precision < 0)
    {
      end[-1] = '0';           /* Zero shows as "0", except "%.0d". */
      len = 1;
    }

  field.prefix = printf_number_prefix (spec, radix, magnitude, negative);
  field.body = end - len;
  field.body_len = len;
  field.zeros = spec->precision > (int) len ? spec->precision - (int) len : 0;
  if (radix->base == 8 && spec->alternate && field.zeros == 0
      && (len == 0 || field.body[0] != '0'))
    field.zeros = 1;
  if (spec->zero_pad && !spec->left && spec->precision < 0
      && spec->width > printf_field_len (&field))
    field.zeros += spec->width - printf_field_len (&field);
  printf_emit (out, spec, &field);
}

/* Shows the LEN characters at TEXT as a text field of SPEC on OUT. */
static void
printf_text (const struct printf_out *out, const struct printf_spec *spec,
             const char *text, size_t len)
{
  struct printf_field field = { "", 0, text, len };

  printf_emit (out, spec, &field);
}

/* Handles the conversion SPEC, whose spec text runs from START (its
   '%') to SPEC's letter at LETTER, taking its argument from ARGS.  A
   letter this engine does not know is shown as the spec text itself,
   so the mistake is visible in the output. */
static void
printf_convert (const struct printf_out *out, const struct printf_spec *spec,
                const char *start, const char *letter, va_list *args)
{
  const struct printf_radix *radix = printf_radix_of (spec->letter);

  if (radix != NULL)
    printf_integer (out, spec, radix, args);
  else if (spec->letter == 'c')
    {
      char ch = va_arg (*args, int);
      printf_text (out, spec, &ch, 1);
    }
  else if (spec->letter == 's')
    {
      const char *s = va_arg (*args, const char *);
      if (s == NULL)
        s = "(null)";
      printf_text (out, spec, s, strnlen (s, spec->precision < 0
                                             ? SIZE_MAX
                                             : (size_t) spec->precision));
    }
  else if (spec->letter == '%')
    out->output ('%', out->aux);
  else
    printf_write (out, start, letter - start + (*letter != '\0'));
}

/* Formats FORMAT with the arguments ARGS, as printf does, and passes
   each resulting character to OUTPUT along with AUX.  Knows the flags
   - + space # 0 ' (the last groups decimal digits by thousands),
   widths and precisions given as digits or '*', the size modifiers
   hh h l ll j z t, and the conversions d i u o x X c s p %.  There is
   no floating point. */
void
__vprintf (const char *format, va_list args, void (*output) (char, void *),
           void *aux)
{
  struct printf_out out = { output, aux };
  const char *p = format;

  while (*p != '\0')
    {
      const char *percent = strchr (p, '%');
      const char *letter;
      struct printf_spec spec;

      if (percent == NULL)
        {
          printf_write (&out, p, strlen (p));
          break;
        }
      printf_write (&out, p, percent - p);
      letter = printf_read_spec (percent + 1, &spec, &args);
      printf_convert (&out, &spec, percent, letter, &args);
      p = *letter != '\0' ? letter + 1 : letter;
    }
}

/* vsnprintf's destination: where the next character goes, how many
   more fit before the terminator, and how many were produced. */
struct printf_bounded
  {
    char *next;                 /* Next free byte. */
    size_t room;                /* Characters that still fit. */
    size_t produced;            /* Characters produced, stored or not. */
  };

/* Output function of vsnprintf: stores CH in AUX, a struct
   printf_bounded, if it fits, and counts it in any case. */
static void
printf_bounded_put (char ch, void *aux)
{
  struct printf_bounded *dst = aux;

  if (dst->room > 0)
    {
      *dst->next++ = ch;
      dst->room--;
    }
  dst->produced++;
}

/* Formats FORMAT with ARGS into the SIZE bytes at BUFFER: at most
   SIZE - 1 characters and then a terminator, or nothing at all if
   SIZE is 0 (BUFFER may then be NULL).  Returns the length of the
   whole output, so it was cut short exactly when the result is SIZE
   or more. */
int
vsnprintf (char *buffer, size_t size, const char *format, va_list args)
{
  struct printf_bounded dst = { buffer, size > 0 ? size - 1 : 0, 0 };

  __vprintf (format, args, printf_bounded_put, &dst);
  if (size > 0)
    *dst.next = '\0';
  return dst.produced;
}

/* vsnprintf with the arguments given after FORMAT. */
int
snprintf (char *buffer, size_t size, const char *format, ...)
{
  va_list args;
  int produced;

  va_start (args, format);
  produced = vsnprintf (buffer, size, format, args);
  va_end (args);
  return produced;
}

/* Bytes per line of a hex dump. */
#define HEX_DUMP_WIDTH 16

/* Prints the byte columns of one hex dump line: BYTES fill columns
   FIRST up to LAST, the rest are blank.  Trailing blank columns are
   printed only if ALL_COLUMNS.  The two middle columns are joined by
   '-' when both hold bytes. */
static void
hex_dump_columns (const uint8_t *bytes, size_t first, size_t last,
                  bool all_columns)
{
  size_t shown = all_columns ? HEX_DUMP_WIDTH : last;
  size_t col;

  for (col = 0; col < shown; col++)
    {
      bool filled = col >= first && col < last;

      if (col != 0)
        putchar (col == HEX_DUMP_WIDTH / 2 && filled && col > first
                 ? '-' : ' ');
      if (filled)
        printf ("%02x", bytes[col - first]);
      else
        printf ("  ");
    }
}

/* Prints the character column of one hex dump line for the same
   BYTES, FIRST and LAST: "|...|", unprintable bytes as '.'. */
static void
hex_dump_chars (const uint8_t *bytes, size_t first, size_t last)
{
  size_t col;

  printf ("  |");
  for (col = 0; col < HEX_DUMP_WIDTH; col++)
    {
      char ch = ' ';
      if (col >= first && col < last)
        ch = isprint (bytes[col - first]) ? bytes[col - first] : '.';
      putchar (ch);
    }
  putchar ('|');
}

/* Prints the SIZE bytes at BUFFER in hexadecimal, 16 to a line.  Each
   line starts with the offset of its column 0, counting BUFFER as
   being at offset OFS; lines start at multiples of 16, so the first
   and last may be partly blank.  With ASCII, each line ends with its
   bytes as characters, '.' for those not printable. */
void
hex_dump (uintptr_t ofs, const void *buffer, size_t size, bool ascii)
{
  const uint8_t *bytes = buffer;

  while (size > 0)
    {
      size_t first = ofs % HEX_DUMP_WIDTH;
      size_t cnt = HEX_DUMP_WIDTH - first < size
                   ? HEX_DUMP_WIDTH - first : size;

      printf ("%08"PRIxPTR"  ", ofs - first);
      hex_dump_columns (bytes, first, first + cnt, ascii);
      if (ascii)
        hex_dump_chars (bytes, first, first + cnt);
      putchar ('\n');
      bytes += cnt;
      ofs += cnt;
      size -= cnt;
    }
}

/* Prints SIZE bytes as a number and a unit, in the largest unit that
   keeps the number at least 1, rounded down: "1 byte", "600 bytes",
   "4 kB", "31 MB". */
void
print_human_readable_size (uint64_t size)
{
  static const char *const units[] = { "bytes", "kB", "MB", "GB", "TB",
                                       "PB", "EB", NULL };
  const char *const *unit = units;

  if (size == 1)
    {
      printf ("1 byte");
      return;
    }
  for (; size >= 1024 && unit[1] != NULL; unit++)
    size /= 1024;
  printf ("%"PRIu64" %s", size, *unit);
}
