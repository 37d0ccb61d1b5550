# -*- perl -*-
# Checks that every part of the C library test passed.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(string-unit) begin
(string-unit) memcpy memmove memset memcmp memchr: as specified
(string-unit) strcmp strncmp strchr strrchr strspn strcspn strpbrk strstr: as specified
(string-unit) strlen strnlen strlcpy strlcat: lengths and truncation right
(string-unit) strtok_r: 3 tokens, nested tokenizer independent
(string-unit) snprintf: 63 formats as specified
(string-unit) atoi: signs, blanks and trailing characters handled
(string-unit) qsort, sort: 300 random ints ordered; bsearch finds each
(string-unit) 64-bit / and %: 23 fixed cases, 2000 random pairs right
(string-unit) random: same seed, same numbers; another seed, other numbers
(string-unit) end
EOF
pass;
