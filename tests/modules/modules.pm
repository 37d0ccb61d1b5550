# tests::modules::modules -- what the module tests' checkers share:
# the lines mod-hello's init prints when every relocation went right.
package tests::modules::modules;

use strict;
use warnings;
use Exporter qw(import);
use tests::tests;

our @EXPORT = qw(hello_init_lines);

# Returns, as one string of lines, what mod-hello's init prints during
# the test TAG.  It reports init_ram_pages, exported kernel data, in
# the boot banner's format, so the RAM it shows must be the banner's
# (which depends on the BIOS, see tests/base/boot-ram.ck).
sub hello_init_lines
{
  my ($tag) = @_;
  my ($ram) = map { /^Ringlet booting with ([\d,]+) KiB RAM\.\.\.$/ ? $1 : () }
              read_output ();
  fail ("The output has no 'Ringlet booting with N KiB RAM...' banner.")
    unless defined $ram;
  return join '', map { "($tag) mod-hello: $_\n" }
    ('init, load number 1, .data holds 42',
     'add (6, 7) = 13',
     'mul (6, 7) = 42',
     '1000000000000 / 7 = 142857142857',
     "the kernel has $ram KiB of RAM");
}

1;
