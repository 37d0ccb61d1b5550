# -*- perl -*-
# A source with pages in swap migrates whole: a hog VM leaves too
# little host memory for the counter guest, whose pages go to swap in
# part; once the hog is killed, the counter guest migrates, and the
# hv's line for round 1 says how many pages it read from swap, at least
# one.  The source's memory line says it evicted pages.  Its counter
# and memory come through whole, and every page and swap slot comes
# back.
use strict;
use warnings;
use tests::tests;
use tests::hv::migrate;

my @output = read_output ();
my ($round1) = grep (/^migrate guest-mig-swap: round 1: /, @output);
defined $round1 or fail ("The hv printed no line for round 1.");
my ($from_swap) = $round1 =~ /\((\d+) read from swap\)$/;
defined $from_swap && $from_swap > 0
  or fail ("Round 1 read no page from swap: $round1");
my ($memory) = grep (/^hv: vm \d+ 'guest-mig-swap' memory: /, @output);
defined $memory && $memory =~ /; (\d+) evicted,/ && $1 > 0
  or fail ("The source did not say it evicted pages: "
           . (defined $memory ? $memory : "no memory line"));
grep (/^hv: vm \d+ 'guest-mig-swap' destroyed: (\d+) of \1 swap slots free$/,
      @output)
  or fail ("Not every swap slot came back.");

check_migration ('migrate-swap', 'mig-swap', 80, 1,
                 'converged|stalled|round limit|sent limit', [
  '(migrate-swap) begin',
  '(migrate-swap) the hog holds its pages',
  '(mig-swap) pattern written over 350 pages',
  "(migrate-swap) vm killed: stopped at the host's request",
  '(migrate-swap) migrating guest-mig-swap.bin while it runs',
  '(migrate-swap) migrated to a new VM',
  '(migrate-swap) the old VM ended as migrated to the new one',
  '(mig-swap) pattern checked after 1950 page writes, checksum e641f049',
  'guest-mig-swap: exit(0)',
  '(migrate-swap) every page came back',
  '(migrate-swap) end'],
  ['(mig-hog) 700 pages touched']);
