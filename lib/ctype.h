/* Character classes and case conversion for the ASCII character set.
   Each function takes a character C as an int, like the standard ones;
   characters outside ASCII belong to no class. */
#ifndef LIB_CTYPE_H
#define LIB_CTYPE_H

/* True if C is a decimal digit. */
static inline int isdigit (int c) { return c >= '0' && c <= '9'; }

/* True if C is an uppercase letter. */
static inline int isupper (int c) { return c >= 'A' && c <= 'Z'; }

/* True if C is a lowercase letter. */
static inline int islower (int c) { return c >= 'a' && c <= 'z'; }

/* True if C is a letter. */
static inline int isalpha (int c) { return islower (c) || isupper (c); }

/* True if C is a letter or a decimal digit. */
static inline int isalnum (int c) { return isalpha (c) || isdigit (c); }

/* True if C is a hexadecimal digit. */
static inline int
isxdigit (int c)
{
  return isdigit (c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* True if C is white space: space, \f, \n, \r, \t or \v. */
static inline int
isspace (int c)
{
  return c == ' ' || (c >= '\t' && c <= '\r');
}

/* True if C is a space or a horizontal tab. */
static inline int isblank (int c) { return c == ' ' || c == '\t'; }

/* True if C is a printing character other than space. */
static inline int isgraph (int c) { return c > ' ' && c < 127; }

/* True if C is a printing character, space included. */
static inline int isprint (int c) { return c >= ' ' && c < 127; }

/* True if C is a control character. */
static inline int iscntrl (int c) { return (c >= 0 && c < ' ') || c == 127; }

/* True if C is in the 7-bit ASCII range. */
static inline int isascii (int c) { return c >= 0 && c < 128; }

/* True if C is a printing character that is not a letter, digit or space. */
static inline int ispunct (int c) { return isgraph (c) && !isalnum (c); }

/* C in lowercase if it is an uppercase letter, else C. */
static inline int tolower (int c) { return isupper (c) ? c - 'A' + 'a' : c; }

/* C in uppercase if it is a lowercase letter, else C. */
static inline int toupper (int c) { return islower (c) ? c - 'a' + 'A' : c; }

#endif /* lib/ctype.h */
