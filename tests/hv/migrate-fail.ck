# -*- perl -*-
# Migrations that fail midway leave the source as it was: on a host
# too small for two copies of the guest the destination runs out of
# memory (after a number of pages that depends on the host's free
# memory), and the source runs on to its end with its counter and its
# memory whole; a source killed during its migration ends killed.  The
# destinations are discarded and every page comes back.
use strict;
use warnings;
use tests::tests;

my @output = read_output ();
common_checks ('run', @output);
my @core = get_core_output ('run', @output);

# The first guest's counter and memory, whole.
my @guest;
for (@core)
  {
    last if /^\(migrate-fail\) the source ran to its end/;
    push (@guest, $_) if /^\(mig-counter\) /;
  }
my @want = ('(mig-counter) pattern written over 256 pages',
            map ("(mig-counter) count $_", 1 .. 50),
            '(mig-counter) pattern checked after 1256 page writes, '
            . 'checksum 16e98a65');
"@guest" eq "@want"
  or fail ("The first guest's lines should be:\n" . join ("\n", @want)
           . "\nThey were:\n" . join ("\n", @guest));

# The test's lines and how the VMs ended.
my @lines = grep (/^\(migrate-fail\) / || /^[\w-]+: exit\(-?\d+\)$/, @core);
my @expected = (
  qr/^\(migrate-fail\) begin$/,
  qr/^\(migrate-fail\) on a host too small: not migrated \(out of memory\): out of host memory for the destination's RAM \(\d+ pages sent\)$/,
  qr/^guest-mig-counter: exit\(0\)$/,
  qr/^\(migrate-fail\) the source ran to its end; every page came back$/,
  qr/^\(migrate-fail\) killed midway: not migrated \(not possible for this VM now\): the source was killed during the migration$/,
  qr/^\(migrate-fail\) vm killed: stopped at the host's request$/,
  qr/^\(migrate-fail\) every page came back$/,
  qr/^\(migrate-fail\) end$/);
@lines == @expected
  or fail ("Expected " . scalar (@expected) . " lines of the test, got:\n"
           . join ("\n", @lines));
for my $i (0 .. $#expected)
  {
    $lines[$i] =~ $expected[$i]
      or fail ("Line " . ($i + 1) . " of the test should match $expected[$i]:\n"
               . $lines[$i]);
  }
pass;
