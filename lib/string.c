/* Memory and string functions of <string.h>, for the kernel and for
   user programs alike.  The compiler may call memcpy, memmove, memset
   and memcmp by itself (for struct copies and initializers), so these
   have exactly the standard semantics.  Comparisons and searches work
   on unsigned char, so bytes 0x80-0xff sort above ASCII. */
#include <string.h>
#include <debug.h>
#include <stdbool.h>
#include <stdint.h>

/* Bytes moved by one "movsl" or "stosl". */
#define STRING_WORD 4

/* Copies SIZE bytes from SRC to DST, lowest address first, a word at
   a time.  The block copy is written with "rep movs" rather than as a
   C loop because the compiler would turn such a loop back into a call
   to memcpy, that is, into endless recursion.  Like all C code, it
   relies on the direction flag being clear (the interrupt entry code
   clears it). */
static void
string_copy_up (void *dst, const void *src, size_t size)
{
  size_t words = size / STRING_WORD;
  size_t bytes = size % STRING_WORD;

  asm volatile ("rep movsl"
                : "+D" (dst), "+S" (src), "+c" (words) : : "memory");
  asm volatile ("rep movsb"
                : "+D" (dst), "+S" (src), "+c" (bytes) : : "memory");
}

/* Copies SIZE bytes from SRC to DST, highest address first, so that
   an overlapping source above the destination is read before it is
   overwritten.  The direction flag is set only inside the one asm
   statement and clear again when it ends. */
static void
string_copy_down (void *dst, const void *src, size_t size)
{
  uint8_t *d = (uint8_t *) dst + size - 1;
  const uint8_t *s = (const uint8_t *) src + size - 1;

  asm volatile ("std; rep movsb; cld"
                : "+D" (d), "+S" (s), "+c" (size) : : "memory");
}

/* Copies the SIZE bytes at SRC to DST and returns DST.  The two
   blocks must be disjoint; use memmove otherwise. */
void *
memcpy (void *dst, const void *src, size_t size)
{
  ASSERT (dst != NULL || size == 0);
  ASSERT (src != NULL || size == 0);

  string_copy_up (dst, src, size);
  return dst;
}

/* Copies SIZE bytes from SRC to DST, which may overlap.  Returns DST. */
void *
memmove (void *dst, const void *src, size_t size)
{
  ASSERT (dst != NULL || size == 0);
  ASSERT (src != NULL || size == 0);

  if ((uintptr_t) dst - (uintptr_t) src >= size)
    string_copy_up (dst, src, size);    /* No harmful overlap. */
  else if (size > 0)
    string_copy_down (dst, src, size);
  return dst;
}

/* Sets the SIZE bytes at DST to VALUE, converted to unsigned char.
   Returns DST.  Uses "rep stos" for the reason given at
   string_copy_up. */
void *
memset (void *dst, int value, size_t size)
{
  void *d = dst;
  uint32_t word = (uint8_t) value * 0x01010101u;
  size_t words = size / STRING_WORD;
  size_t bytes = size % STRING_WORD;

  ASSERT (dst != NULL || size == 0);

  asm volatile ("rep stosl"
                : "+D" (d), "+c" (words) : "a" (word) : "memory");
  asm volatile ("rep stosb"
                : "+D" (d), "+c" (bytes) : "a" (word) : "memory");
  return dst;
}

/* Compares the SIZE bytes at A with those at B.  Returns 0 if they
   are equal, otherwise the difference between the first two bytes
   that differ, as unsigned chars: negative if A's is smaller. */
int
memcmp (const void *a, const void *b, size_t size)
{
  const unsigned char *x = a, *y = b;
  size_t i;

  ASSERT ((a != NULL && b != NULL) || size == 0);
  for (i = 0; i < size; i++)
    if (x[i] != y[i])
      return x[i] - y[i];
  return 0;
}

/* Returns the address of the first byte equal to CH (as unsigned
   char) among the SIZE bytes at BLOCK, or NULL if there is none. */
void *
memchr (const void *block, int ch, size_t size)
{
  const unsigned char *p = block;
  unsigned char wanted = ch;
  size_t i;

  ASSERT (block != NULL || size == 0);
  for (i = 0; i < size; i++)
    if (p[i] == wanted)
      return (void *) (p + i);
  return NULL;
}

/* Compares strings A and B, which must be null-terminated, at most
   their first LIMIT bytes.  Returns 0 if those agree, else the
   difference of the first differing bytes as unsigned chars. */
static int
string_compare (const char *a, const char *b, size_t limit)
{
  const unsigned char *x = (const unsigned char *) a;
  const unsigned char *y = (const unsigned char *) b;
  size_t i;

  ASSERT (a != NULL && b != NULL);
  for (i = 0; i < limit; i++)
    if (x[i] != y[i] || x[i] == '\0')
      return x[i] - y[i];
  return 0;
}

/* Compares strings A and B byte by byte as unsigned chars.  Returns
   0 if they are equal, a negative number if A sorts first, a
   positive number if B does.  A proper prefix sorts first. */
int
strcmp (const char *a, const char *b)
{
  return string_compare (a, b, SIZE_MAX);
}

/* Like strcmp, but looks at no more than the first SIZE bytes of
   each string. */
int
strncmp (const char *a, const char *b, size_t size)
{
  return string_compare (a, b, size);
}

/* Returns the first occurrence of CH (as a char) in STRING, or NULL
   if it does not occur.  CH may be '\0', which finds the
   terminator. */
char *
strchr (const char *string, int ch)
{
  char wanted = ch;

  ASSERT (string != NULL);
  for (;; string++)
    {
      if (*string == wanted)
        return (char *) string;
      if (*string == '\0')
        return NULL;
    }
}

/* Returns the last occurrence of CH (as a char) in STRING, or NULL if
   it does not occur. */
char *
strrchr (const char *string, int ch)
{
  const char *last = NULL;
  const char *hit;

  for (hit = strchr (string, ch); hit != NULL; hit = strchr (hit + 1, ch))
    {
      last = hit;
      if (*hit == '\0')
        break;
    }
  return (char *) last;
}

/* Returns how many bytes at the start of STRING are members of SET
   if MEMBERS is true, or are not members of SET if it is false. */
static size_t
string_prefix_len (const char *string, const char *set, bool members)
{
  size_t n = 0;

  ASSERT (string != NULL && set != NULL);
  while (string[n] != '\0' && (strchr (set, string[n]) != NULL) == members)
    n++;
  return n;
}

/* Length of the longest prefix of STRING made only of bytes NOT in
   STOP. */
size_t
strcspn (const char *string, const char *stop)
{
  return string_prefix_len (string, stop, false);
}

/* Length of the longest prefix of STRING made only of bytes in
   SKIP. */
size_t
strspn (const char *string, const char *skip)
{
  return string_prefix_len (string, skip, true);
}

/* Returns the first byte of STRING that is also in STOP, or NULL if
   there is none. */
char *
strpbrk (const char *string, const char *stop)
{
  const char *p = string + strcspn (string, stop);

  return *p != '\0' ? (char *) p : NULL;
}

/* Returns where NEEDLE first occurs inside HAYSTACK, or NULL if it
   does not.  An empty NEEDLE occurs at HAYSTACK itself. */
char *
strstr (const char *haystack, const char *needle)
{
  size_t want = strlen (needle);
  const char *p;

  for (p = haystack; ; p++)
    {
      if (strncmp (p, needle, want) == 0)
        return (char *) p;
      if (*p == '\0')
        return NULL;
    }
}

/* Splits a string into tokens separated by runs of bytes from
   DELIMITERS, returning one token per call, or NULL when there are
   no more.  The first call passes the string as STRING; later calls
   pass NULL and continue from where *SAVE_PTR says.  Each returned
   token is null-terminated by overwriting the delimiter that ended
   it, so STRING must be writable.  Because all state is in
   *SAVE_PTR, several strings can be split at the same time.

   Example: with STRING "  a,b" and DELIMITERS " ,", the calls return
   "a", then "b", then NULL. */
char *
strtok_r (char *string, const char *delimiters, char **save_ptr)
{
  char *start;
  char *end;

  ASSERT (delimiters != NULL && save_ptr != NULL);
  start = string != NULL ? string : *save_ptr;
  ASSERT (start != NULL);

  start += strspn (start, delimiters);
  if (*start == '\0')
    {
      *save_ptr = start;
      return NULL;
    }
  end = start + strcspn (start, delimiters);
  if (*end == '\0')
    *save_ptr = end;
  else
    {
      *end = '\0';
      *save_ptr = end + 1;
    }
  return start;
}

/* Number of bytes in STRING before its terminator. */
size_t
strlen (const char *string)
{
  return strnlen (string, SIZE_MAX);
}

/* Like strlen, but stops counting at MAX_LENGTH: returns the smaller
   of STRING's length and MAX_LENGTH, reading no further. */
size_t
strnlen (const char *string, size_t max_length)
{
  size_t n = 0;

  ASSERT (string != NULL);
  while (n < max_length && string[n] != '\0')
    n++;
  return n;
}

/* Appends string SRC to string DST, where DST's buffer holds SIZE
   bytes in all, keeping DST terminated and truncating what does not
   fit.  Returns strlen (DST) + strlen (SRC) as they were on entry:
   the length the result would have had with room enough, so a
   return of SIZE or more means it was cut short.  If DST already
   fills SIZE bytes, nothing is appended. */
size_t
strlcat (char *dst, const char *src, size_t size)
{
  size_t dst_len = strlen (dst);
  size_t src_len = strlen (src);

  if (dst_len < size)
    strlcpy (dst + dst_len, src, size - dst_len);
  return dst_len + src_len;
}

/* Copies as much of string SRC into DST as SIZE bytes allow,
   always ending DST with a terminator when SIZE is not 0 (so at most
   SIZE - 1 characters are copied).  Returns strlen (SRC), so a return
   of SIZE or more means the copy was cut short.  DST may be NULL if
   SIZE is 0. */
size_t
strlcpy (char *dst, const char *src, size_t size)
{
  size_t src_len = strlen (src);
  size_t copy;

  ASSERT (dst != NULL || size == 0);
  if (size == 0)
    return src_len;
  copy = src_len < size - 1 ? src_len : size - 1;
  memcpy (dst, src, copy);
  dst[copy] = '\0';
  return src_len;
}
