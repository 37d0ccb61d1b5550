# -*- perl -*-
# Every malformed executable makes exec return -1, an unbroken copy
# runs, and no page is lost.  Exit lines are ignored: a kernel may or
# may not print one for a process that never loaded.
use strict;
use warnings;
use tests::tests;
check_expected (IGNORE_EXIT_CODES => 1, [<<'EOF']);
(exec-bad-elf) begin
(exec-bad-elf) open child-simple
(exec-bad-elf) not ELF (bad magic): exec returns -1
(exec-bad-elf) 64-bit class: exec returns -1
(exec-bad-elf) relocatable object, not an executable: exec returns -1
(exec-bad-elf) x86-64 machine: exec returns -1
(exec-bad-elf) wrong program header size: exec returns -1
(exec-bad-elf) 65535 program headers: exec returns -1
(exec-bad-elf) program headers past the end of the file: exec returns -1
(exec-bad-elf) entry point in kernel space: exec returns -1
(exec-bad-elf) truncated inside the file header: exec returns -1
(exec-bad-elf) empty file: exec returns -1
(exec-bad-elf) segment past the end of the file: exec returns -1
(exec-bad-elf) segment in kernel space: exec returns -1
(exec-bad-elf) segment at page 0: exec returns -1
(exec-bad-elf) segment wrapping around the address space: exec returns -1
(exec-bad-elf) segment smaller in memory than in the file: exec returns -1
(exec-bad-elf) segment's offset and address disagree within a page: exec returns -1
(exec-bad-elf) overlapping segments: exec returns -1
(exec-bad-elf) needs a program interpreter: exec returns -1
(child-simple) run
(exec-bad-elf) the unbroken copy runs and exits with 81
(exec-bad-elf) free pages: as many as before
(exec-bad-elf) end
exec-bad-elf: exit(0)
EOF
pass;
