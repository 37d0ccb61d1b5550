/* shell: reads command lines from the console and runs each as a
   child process, waiting for it and reporting a non-zero exit
   status.  "exit" leaves the shell.  Typed characters are echoed, and
   backspace erases.  "shell FILE" reads the command lines from FILE
   instead, showing each after the prompt, and exits at its end: a
   script, for demos and tests that have no one at the keyboard. */

#include <syscall.h>
#include <string.h>
#include <stdio.h>
#include <stdbool.h>

/* Longest command line, without its null. */
#define SHELL_LINE_MAX 127

/* What the shell shows before each command. */
#define SHELL_PROMPT "ringlet> "

/* Characters the console sends. */
#define KEY_BACKSPACE '\b'
#define KEY_DELETE 0x7f

/* Writes the string S to the console. */
static void
shell_echo (const char *s)
{
  write (STDOUT_FILENO, s, strlen (s));
}

/* Reads a line from the console into LINE (SIZE bytes), echoing it,
   and null-terminates it. */
static void
shell_read_line (char *line, size_t size)
{
  size_t len = 0;

  for (;;)
    {
      char c;
      if (read (STDIN_FILENO, &c, 1) != 1)
        break;
      if (c == '\r' || c == '\n')
        break;
      if (c == KEY_BACKSPACE || c == KEY_DELETE)
        {
          if (len > 0)
            {
              len--;
              shell_echo ("\b \b");
            }
        }
      else if (len + 1 < size && c >= ' ')
        {
          line[len++] = c;
          write (STDOUT_FILENO, &c, 1);
        }
    }
  line[len] = '\0';
  shell_echo ("\n");
}

/* Runs command line LINE as a child and waits for it. */
static void
shell_run (const char *line)
{
  pid_t pid = exec (line);
  if (pid == PID_ERROR)
    {
      printf ("%s: cannot run that\n", line);
      return;
    }
  int status = wait (pid);
  if (status != 0)
    printf ("[exit status %d]\n", status);
}

/* Reads the next line of the script open as FD into LINE (SIZE
   bytes), without its new-line, and shows it after the prompt, the
   two in one write so that no other output splits them.  A line too
   long for LINE is cut short.  Returns false at the end of the
   file. */
static bool
shell_read_script_line (int fd, char *line, size_t size)
{
  size_t len = 0;
  char c;
  int got;

  while ((got = read (fd, &c, 1)) == 1 && c != '\n')
    if (len + 1 < size && c != '\r')
      line[len++] = c;
  line[len] = '\0';
  if (got != 1 && len == 0)
    return false;

  char shown[sizeof SHELL_PROMPT + SHELL_LINE_MAX + 1];
  snprintf (shown, sizeof shown, "%s%s\n", SHELL_PROMPT, line);
  shell_echo (shown);
  return true;
}

int
main (int argc, char *argv[])
{
  char line[SHELL_LINE_MAX + 1];
  int script = -1;

  if (argc > 1)
    {
      script = open (argv[1]);
      if (script < 0)
        {
          printf ("shell: %s: cannot open\n", argv[1]);
          return EXIT_FAILURE;
        }
    }
  else
    printf ("Ringlet shell.  Type a program and its arguments, or \"exit\".\n");
  for (;;)
    {
      if (script >= 0)
        {
          if (!shell_read_script_line (script, line, sizeof line))
            return EXIT_SUCCESS;
        }
      else
        {
          shell_echo (SHELL_PROMPT);
          shell_read_line (line, sizeof line);
        }
      if (!strcmp (line, "exit"))
        return EXIT_SUCCESS;
      if (line[strspn (line, " ")] != '\0')
        shell_run (line);
    }
}
