/* The output calls every test uses, msg () and fail (), written once
   (tests/testmsg.c) for the three places tests run: kernel tests
   (tests/ktest.c), user programs (tests/lib.c) and guests
   (hv/guest/console.c).  Each line is "(NAME) MESSAGE", followed by
   ": FAILED" on a failure, and comes out in one piece, so lines of
   concurrent tests never mix.  Each place provides the three hooks
   below: where its lines go, what its test is called, and how a
   failed test ends. */
#ifndef TESTS_TESTLINE_H
#define TESTS_TESTLINE_H

#include <debug.h>
#include <stdbool.h>
#include <stddef.h>

/* Room for one line, its new-line included; longer messages are cut
   short, keeping the new-line. */
#define TESTLINE_MAX 256

/* What a failed test's line ends with; .ck scripts look for it. */
#define TESTLINE_FAILED ": FAILED"

void msg (const char *format, ...) PRINTF_FORMAT (1, 2);
void fail (const char *format, ...) PRINTF_FORMAT (1, 2) NO_RETURN;

/* Hooks.  testline_tag returns the NAME of the running test.
   testline_write writes the LEN bytes of LINE, one whole line, out in
   one piece; FAILURE says whether it is a failure line (a place may
   drop other lines, as a quiet user program does).  testline_stop
   ends the failed test. */
const char *testline_tag (void);
void testline_write (const char *line, size_t len, bool failure);
void testline_stop (void) NO_RETURN;

#endif /* tests/testline.h */
