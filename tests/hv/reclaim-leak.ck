# -*- perl -*-
# A guest paged out to swap, twice: each time its pages all come back
# (the test checks the page allocator) and so do its swap slots (the
# hv's line once the VM is destroyed).
use strict;
use warnings;
use tests::tests;

my @output = read_output ();
my @memory = grep { /^hv: vm \d+ 'guest-bigmem' memory: / } @output;
fail ("Expected two memory lines, found " . scalar @memory) if @memory != 2;
for my $line (@memory)
  {
    my ($in_swap, $evicted) = $line =~ /, (\d+) in swap; (\d+) evicted,/
      or fail ("Malformed memory line: $line");
    fail ("The VM ended with no page in swap: $line") if $in_swap == 0;
  }
my @destroyed = grep { /^hv: vm \d+ 'guest-bigmem' destroyed: / } @output;
fail ("Expected two lines about swap slots, found " . scalar @destroyed)
  if @destroyed != 2;
for my $line (@destroyed)
  {
    $line =~ /: (\d+) of (\d+) swap slots free$/ && $1 == $2 && $2 > 0
      or fail ("Not every swap slot came back: $line");
  }
check_expected ([<<'EOF']);
(reclaim-leak) begin
(reclaim-leak) the guest sweeps more memory than the host has free
(guest-bigmem) wrote 2048 pages, checksum f3f30c0c
(guest-bigmem) read them back, checksum f3f30c0c
guest-bigmem: exit(0)
(reclaim-leak) round 1: every page returned
(guest-bigmem) wrote 2048 pages, checksum f3f30c0c
(guest-bigmem) read them back, checksum f3f30c0c
guest-bigmem: exit(0)
(reclaim-leak) round 2: every page returned
(reclaim-leak) end
EOF
pass;
