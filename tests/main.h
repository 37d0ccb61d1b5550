/* The body every test program built on tests/main.c provides. */
#ifndef TESTS_MAIN_H
#define TESTS_MAIN_H

/* Runs the test.  tests/main.c prints "(NAME) begin" before and
   "(NAME) end" after it. */
void test_main (void);

#endif /* tests/main.h */
