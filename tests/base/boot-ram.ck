# -*- perl -*-
# Checks that the kernel found the 8 MiB the launcher gave it ("-m 8"
# in Make.tests), and that the boot banner says the same as
# init_ram_pages.  The BIOS tells the kernel how much RAM it may use:
# Bochs's BIOS reports all 8,192 KiB; QEMU's SeaBIOS keeps the top
# 128 KiB for its own tables and reports 8,064.  Those two answers are
# the only right ones.
use strict;
use warnings;
use tests::tests;

my @output = read_output ();
common_checks ('run', @output);
my %kib_by_bios = (all => 8192, seabios => 8064);
my %expected;
for my $bios (keys %kib_by_bios)
  {
    my $kib = $kib_by_bios{$bios};
    $expected{$bios} = "(boot-ram) begin\n"
      . sprintf ("(boot-ram) init_ram_pages: %d pages, %d KiB\n",
                 $kib / 4, $kib)
      . "(boot-ram) free pages fit in RAM above 1 MiB\n"
      . "(boot-ram) end\n";
  }
my $bios = compare_output ('run', [get_core_output ('run', @output)],
                           \%expected);

my ($banner) = grep { /Ringlet booting with / } @output;
my ($shown) = $banner =~ /^Ringlet booting with ([\d,]+) KiB RAM\.\.\.$/
  or fail ("The boot banner is not 'Ringlet booting with N KiB RAM...':",
           "  $banner");
my $grouped = $kib_by_bios{$bios} =~ s/(\d)(\d{3})$/$1,$2/r;
fail ("The banner says $shown KiB, but init_ram_pages says $grouped KiB.")
  unless $shown eq $grouped;
pass;
