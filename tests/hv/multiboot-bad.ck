# -*- perl -*-
# Broken multiboot kernels (tests/hv/mbk-bad.pl) are each refused with
# the reason, and refusing them loses no page.
use strict;
use warnings;
use tests::tests;

my @output = read_output ();
my %reasons = (
  'mbk-noheader.bin' => "not a guest image: neither the hv's image header nor a multiboot header in its first 8 KiB",
  'mbk-badsum.bin' => "not a guest image: neither the hv's image header nor a multiboot header in its first 8 KiB",
  'mbk-video.bin' => 'multiboot header asks for a video mode, which the hv does not offer',
  'mbk-outside.bin' => 'the kernel does not fit in guest RAM (load_addr...bss_end_addr)',
  'mbk-truncated.bin' => 'truncated kernel: the file ends before load_end_addr',
  'mbk-entry.bin' => 'multiboot header: entry_addr outside the loaded image',
  'mbk-elf-truncated.bin' => 'truncated kernel: an ELF segment lies past the end of the file',
  'mbk-elf-outside.bin' => "the kernel does not fit in guest RAM (an ELF segment's physical address)",
);
for my $file (sort keys %reasons)
  {
    my $line = "hv: cannot create VM '$file': $reasons{$file}";
    grep { $_ eq $line } @output
      or fail ("$file was not refused with its reason; expected:", "  $line");
  }
check_expected ([<<'END']);
(multiboot-bad) begin
(multiboot-bad) mbk-noheader.bin: refused: invalid argument or guest image
(multiboot-bad) mbk-badsum.bin: refused: invalid argument or guest image
(multiboot-bad) mbk-video.bin: refused: invalid argument or guest image
(multiboot-bad) mbk-outside.bin: refused: invalid argument or guest image
(multiboot-bad) mbk-truncated.bin: refused: invalid argument or guest image
(multiboot-bad) mbk-entry.bin: refused: invalid argument or guest image
(multiboot-bad) mbk-elf-truncated.bin: refused: invalid argument or guest image
(multiboot-bad) mbk-elf-outside.bin: refused: invalid argument or guest image
(multiboot-bad) end
END
pass;
