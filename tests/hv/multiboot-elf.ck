# -*- perl -*-
# A multiboot kernel that is not Ringlet (tests/hv/mbk-elf.c): an ELF
# executable placed by its program headers, given the boot magic, the
# memory sizes of a 6 MiB VM, a memory map, the boot loader's name and
# its command line (its file name first, then the arguments given in
# mbk-elf.cmd), its data loaded and its BSS zero; it powers off through
# ACPI.
use strict;
use warnings;
use tests::tests;
use tests::hv::nested;

my @output = read_output ();
my @guest = nested_guest_lines ('mbk-elf', @output);
my $expected = <<'END';
mbk-elf: booted, magic 0x2badb002
memory fields: yes
mem_lower 640 KiB, mem_upper 5120 KiB
command line: yes
cmdline 'mbk-elf.kernel from the hv, 'two words' and more'
boot loader name: yes
loader 'Ringlet hv'
memory map: yes
mmap 0x00000000 + 0x000a0000 type 1
mmap 0x000a0000 + 0x00060000 type 2
mmap 0x00100000 + 0x00500000 type 1
data segment loaded: yes
BSS zero: yes
powering off
END
my @want = split /\n/, $expected;
my $got = join ("\n", @guest);
fail ("The kernel did not print what the loader should have given it.",
      "Expected:", map ({ "  $_" } @want), "Got:", map ({ "  $_" } @guest))
  unless $got eq join ("\n", @want);
common_checks ('run', nested_host_lines (@output));
compare_output ('run', [get_core_output ('run', nested_host_lines (@output))],
                [<<'END']);
(multiboot-elf) begin
mbk-elf: exit(0)
(multiboot-elf) the kernel powered off with status 0
(multiboot-elf) end
END
pass;
