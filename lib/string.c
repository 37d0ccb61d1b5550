/* Memory and string functions of <string.h>.  The compiler may call
   memcpy, memmove, memset and memcmp by itself (for struct copies and
   initializers), so these have exactly the standard semantics. */
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

/* Copies SIZE bytes from SRC to DST, which must not overlap.
   Returns DST. */
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

/* Compares the SIZE bytes at A and B.  Returns zero if they are
   equal, otherwise a positive value if the first byte that differs
   is greater in A (as unsigned char), a negative one if it is less. */
int
memcmp (const void *a_, const void *b_, size_t size)
{
  const uint8_t *a = a_;
  const uint8_t *b = b_;

  ASSERT (a != NULL || size == 0);
  ASSERT (b != NULL || size == 0);

  for (; size > 0; size--, a++, b++)
    if (*a != *b)
      return *a > *b ? 1 : -1;
  return 0;
}

/* Returns a pointer to the first of the SIZE bytes at BLOCK that
   equals CH (converted to unsigned char), or NULL if none does. */
void *
memchr (const void *block_, int ch_, size_t size)
{
  const uint8_t *block = block_;
  uint8_t ch = ch_;

  ASSERT (block != NULL || size == 0);

  for (; size > 0; size--, block++)
    if (*block == ch)
      return (void *) block;
  return NULL;
}

/* Compares strings A and B.  Returns zero if they are equal,
   otherwise a positive value if A sorts after B (comparing characters
   as unsigned char), a negative one if it sorts before. */
int
strcmp (const char *a, const char *b)
{
  ASSERT (a != NULL);
  ASSERT (b != NULL);

  return strncmp (a, b, SIZE_MAX);
}

/* Like strcmp, but compares at most the first SIZE characters. */
int
strncmp (const char *a_, const char *b_, size_t size)
{
  const unsigned char *a = (const unsigned char *) a_;
  const unsigned char *b = (const unsigned char *) b_;

  ASSERT (a != NULL || size == 0);
  ASSERT (b != NULL || size == 0);

  for (; size > 0; size--, a++, b++)
    if (*a != *b)
      return *a > *b ? 1 : -1;
    else if (*a == '\0')
      break;
  return 0;
}

/* Returns a pointer to the first occurrence of CH (converted to
   char) in STRING, or NULL if there is none.  The terminating null
   counts as part of STRING, so strchr (s, '\0') finds the end. */
char *
strchr (const char *string, int ch_)
{
  char ch = ch_;

  ASSERT (string != NULL);

  for (;; string++)
    if (*string == ch)
      return (char *) string;
    else if (*string == '\0')
      return NULL;
}

/* Returns a pointer to the last occurrence of CH (converted to
   char) in STRING, or NULL if there is none. */
char *
strrchr (const char *string, int ch_)
{
  char ch = ch_;
  const char *last = NULL;

  ASSERT (string != NULL);

  for (;; string++)
    {
      if (*string == ch)
        last = string;
      if (*string == '\0')
        return (char *) last;
    }
}

/* Returns the length of the prefix of STRING made only of characters
   that are (if IN_SET) or are not (if !IN_SET) in SET. */
static size_t
string_span (const char *string, const char *set, bool in_set)
{
  size_t length;

  ASSERT (string != NULL);
  ASSERT (set != NULL);

  for (length = 0; string[length] != '\0'; length++)
    if ((strchr (set, string[length]) != NULL) != in_set)
      break;
  return length;
}

/* Returns the length of the prefix of STRING made of characters not
   in STOP. */
size_t
strcspn (const char *string, const char *stop)
{
  return string_span (string, stop, false);
}

/* Returns the length of the prefix of STRING made of characters in
   SKIP. */
size_t
strspn (const char *string, const char *skip)
{
  return string_span (string, skip, true);
}

/* Returns a pointer to the first character of STRING that is in
   STOP, or NULL if there is none. */
char *
strpbrk (const char *string, const char *stop)
{
  string += strcspn (string, stop);
  return *string != '\0' ? (char *) string : NULL;
}

/* Returns a pointer to the first occurrence of NEEDLE in HAYSTACK,
   or NULL if there is none.  An empty NEEDLE is found at the start. */
char *
strstr (const char *haystack, const char *needle)
{
  size_t haystack_len = strlen (haystack);
  size_t needle_len = strlen (needle);
  size_t i;

  for (i = 0; i + needle_len <= haystack_len; i++)
    if (!memcmp (haystack + i, needle, needle_len))
      return (char *) haystack + i;
  return NULL;
}

/* Splits a string into tokens separated by characters of DELIMITERS.
   The first call passes the string as STRING; later calls pass NULL
   to continue where the last left off.  SAVE_PTR holds the position
   between calls, so several strings can be split at once.  Each call
   returns the next token, or NULL when none remain.

   The string is modified: the delimiter after each token is
   overwritten by a null character, so the string may not be a
   literal.  Empty tokens are skipped:

     char s[] = "  cat  file ";
     char *token, *save_ptr;
     for (token = strtok_r (s, " ", &save_ptr); token != NULL;
          token = strtok_r (NULL, " ", &save_ptr))
       printf ("'%s'\n", token);

   prints 'cat' and 'file'. */
char *
strtok_r (char *string, const char *delimiters, char **save_ptr)
{
  char *token;

  ASSERT (delimiters != NULL);
  ASSERT (save_ptr != NULL);

  if (string == NULL)
    string = *save_ptr;
  ASSERT (string != NULL);

  token = string + strspn (string, delimiters);
  if (*token == '\0')
    {
      *save_ptr = token;
      return NULL;
    }

  string = token + strcspn (token, delimiters);
  if (*string != '\0')
    *string++ = '\0';
  *save_ptr = string;
  return token;
}

/* Returns the length of STRING, not counting its null terminator. */
size_t
strlen (const char *string)
{
  return strnlen (string, SIZE_MAX);
}

/* Returns the length of STRING, or MAX_LENGTH if STRING has no null
   character in its first MAX_LENGTH characters. */
size_t
strnlen (const char *string, size_t max_length)
{
  size_t length;

  ASSERT (string != NULL || max_length == 0);

  for (length = 0; length < max_length && string[length] != '\0'; length++)
    continue;
  return length;
}

/* Copies string SRC to DST, writing at most SIZE bytes including the
   null terminator: if SRC is longer than SIZE - 1 characters, the
   copy is cut short.  DST is always null-terminated unless SIZE is 0.
   Returns the length of SRC, so the copy was cut short exactly when
   the return value is SIZE or more. */
size_t
strlcpy (char *dst, const char *src, size_t size)
{
  size_t src_len = strlen (src);

  ASSERT (dst != NULL || size == 0);

  if (size > 0)
    {
      size_t copy_len = src_len < size - 1 ? src_len : size - 1;
      memcpy (dst, src, copy_len);
      dst[copy_len] = '\0';
    }
  return src_len;
}

/* Appends string SRC to DST, where DST is a buffer of SIZE bytes
   holding a null-terminated string.  Writes only within the buffer,
   and DST stays null-terminated.  Returns the length the result would
   have had with room enough, so the result was cut short exactly when
   the return value is SIZE or more.  If DST holds no null character
   within SIZE bytes, appends nothing and returns SIZE + strlen (SRC). */
size_t
strlcat (char *dst, const char *src, size_t size)
{
  size_t dst_len = strnlen (dst, size);
  size_t src_len = strlen (src);

  if (dst_len < size)
    strlcpy (dst + dst_len, src, size - dst_len);
  return dst_len + src_len;
}
