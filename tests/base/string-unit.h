/* The parts of the string-unit test, one per source file, run in
   turn by tests/base/string-unit.c. */
#ifndef TESTS_BASE_STRING_UNIT_H
#define TESTS_BASE_STRING_UNIT_H

void string_unit_format (void);
void string_unit_stdlib (void);
void string_unit_divide (void);
void string_unit_random (void);

#endif /* tests/base/string-unit.h */
