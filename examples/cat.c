/* cat: copies each file named on the command line to standard
   output, showing bytes a terminal would act on as visible text.
   Exits with 1 if a file could not be opened.

   The console is a terminal, and a binary file is full of bytes it
   obeys: SO switches it to a line-drawing character set, ESC starts
   commands, ENQ and ESC Z make it answer on the keyboard line.  After
   a raw copy of an ELF file the terminal shows every later prompt and
   keystroke as symbols, although the shell reads and answers as
   before.  So, like "cat -v", control bytes other than tab, new-line
   and carriage return print as ^X (^? for DEL), and bytes 0x80 and
   up print as M- followed by the same for their low seven bits. */

#include <stdio.h>
#include <syscall.h>

/* Bytes read at a time; each may take up to 4 bytes to show. */
#define CAT_CHUNK 256
#define CAT_SHOWN_MAX 4

/* The ASCII DEL byte, and what XORing a control byte with gives its
   letter (0x01 -> 'A'). */
#define CAT_DEL 0x7f
#define CAT_CONTROL_FLIP 0x40

/* Appends to OUT the visible form of byte C and returns the number
   of bytes appended (at most CAT_SHOWN_MAX). */
static int
cat_show_byte (unsigned char c, char *out)
{
  int n = 0;

  if (c >= 0x80)
    {
      out[n++] = 'M';
      out[n++] = '-';
      c &= 0x7f;
    }
  if (c == '\t' || c == '\n' || c == '\r' || (c >= ' ' && c < CAT_DEL))
    out[n++] = c;
  else
    {
      out[n++] = '^';
      out[n++] = c ^ CAT_CONTROL_FLIP;
    }
  return n;
}

/* Copies the file open as FD to standard output, in visible form. */
static void
cat_fd (int fd)
{
  unsigned char buf[CAT_CHUNK];
  char shown[CAT_CHUNK * CAT_SHOWN_MAX];
  int n;

  while ((n = read (fd, buf, sizeof buf)) > 0)
    {
      int len = 0;
      for (int i = 0; i < n; i++)
        len += cat_show_byte (buf[i], shown + len);
      write (STDOUT_FILENO, shown, len);
    }
}

int
main (int argc, char *argv[])
{
  int status = EXIT_SUCCESS;

  for (int i = 1; i < argc; i++)
    {
      int fd = open (argv[i]);
      if (fd < 0)
        {
          printf ("cat: %s: cannot open\n", argv[i]);
          status = EXIT_FAILURE;
          continue;
        }
      cat_fd (fd);
      close (fd);
    }
  return status;
}
