#! /usr/bin/perl
# mbk-bad.pl DIR ELF -- writes into DIR the broken multiboot kernels of
# tests/hv/multiboot.c's multiboot-bad, each wrong in one way that the
# hv must refuse (hv/multiboot.c), the last two made from the good ELF
# kernel ELF (tests/hv/mbk-elf.c).
use strict;
use warnings;

my ($dir, $elf) = @ARGV;
defined $elf or die "usage: mbk-bad.pl DIR ELF\n";

use constant MAGIC => 0x1badb002;
use constant FLAG_VIDEO => 1 << 2;
use constant FLAG_ADDRESS => 1 << 16;

# Writes file NAME in DIR with CONTENTS.
sub write_file
{
  my ($name, $contents) = @_;
  open my $fh, '>:raw', "$dir/$name" or die "mbk-bad.pl: cannot write $dir/$name: $!\n";
  print $fh $contents;
  close $fh;
}

# Returns a multiboot header with FLAGS (and a right checksum unless
# BAD_SUM), and, if FLAGS has the address flag, the address fields
# given: header, load, load end, BSS end, entry.
sub header
{
  my ($flags, $bad_sum, @addresses) = @_;
  my $sum = (-(MAGIC + $flags)) & 0xffffffff;
  $sum ^= 1 if $bad_sum;
  return pack ('V3', MAGIC, $flags, $sum) . pack ('V*', @addresses);
}

my $page = "\xf4" x 4096;               # HLT, as if it were code.

# The header past the first 8 KiB, where no loader looks.
write_file ('mbk-noheader.bin', ("\0" x 8200) . header (0, 0) . $page);
# A header whose checksum is off by one.
write_file ('mbk-badsum.bin', header (0, 1) . $page);
# A kernel that wants a video mode.
write_file ('mbk-video.bin',
            header (FLAG_VIDEO | FLAG_ADDRESS, 0, 0x100000, 0x100000, 0,
                    0, 0x100040) . $page);
# Its BSS reaches 64 MiB: more than the VM's RAM.
write_file ('mbk-outside.bin',
            header (FLAG_ADDRESS, 0, 0x100000, 0x100000, 0, 0x4000000,
                    0x100040) . $page);
# It says it has 64 KiB to load; the file has 4 KiB.
write_file ('mbk-truncated.bin',
            header (FLAG_ADDRESS, 0, 0x100000, 0x100000, 0x110000, 0,
                    0x100040) . $page);
# Its entry lies past what is loaded.
write_file ('mbk-entry.bin',
            header (FLAG_ADDRESS, 0, 0x100000, 0x100000, 0, 0,
                    0x200000) . $page);

# The good ELF kernel, cut before its second segment's bytes, and with
# its second segment's physical address moved to 128 MiB.
open my $fh, '<:raw', $elf or die "mbk-bad.pl: cannot read $elf: $!\n";
my $image = do { local $/; <$fh> };
close $fh;
my ($phoff, $phentsize, $phnum) = unpack ('x28 V x10 v v', $image);
my @load;
for my $i (0 .. $phnum - 1)
  {
    my $at = $phoff + $i * $phentsize;
    my ($type, $offset) = unpack ('V V', substr ($image, $at, 8));
    push @load, [$at, $offset] if $type == 1;
  }
@load >= 2 or die "mbk-bad.pl: $elf has fewer than two loadable segments\n";
write_file ('mbk-elf-truncated.bin', substr ($image, 0, $load[1][1]));
my $moved = $image;
substr ($moved, $load[1][0] + 12, 4) = pack ('V', 0x8000000);   # p_paddr
write_file ('mbk-elf-outside.bin', $moved);
