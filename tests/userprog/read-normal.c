/* Reads sample.txt and compares it with what it should hold. */

#include "tests/lib.h"
#include "tests/main.h"
#include "tests/userprog/sample.h"

void
test_main (void)
{
  /* SAMPLE is the file's text as a C string: its NUL is not in the
     file. */
  size_t file_size = sizeof sample - 1;

  check_file ("sample.txt", sample, file_size);
}
