# -*- perl -*-
# A guest with more RAM than the host has free runs to the end: the
# pattern it wrote comes back unchanged though the hv evicted pages
# to swap and read them back, and the balloon takes every page back.
use strict;
use warnings;
use tests::tests;

my @output = read_output ();
my ($line) = grep { /^hv: vm \d+ 'reclaim-swap' memory: / } @output;
fail ("Missing the hv's memory line for the VM") unless defined $line;
my ($evicted, $swapped_in, $ballooned)
  = $line =~ /; (\d+) evicted, (\d+) swapped in, (\d+) ballooned$/
  or fail ("Malformed memory line: $line");
fail ("The hv evicted no page: $line") if $evicted == 0;
fail ("The hv read no page back from swap: $line") if $swapped_in == 0;
fail ("The balloon took $ballooned pages, not 2048: $line")
  if $ballooned != 2048;
grep { /^hv: vm \d+ 'reclaim-swap' destroyed: (\d+) of \1 swap slots free$/ } @output
  or fail ("Missing line: every swap slot free once the VM is destroyed");
check_expected ([<<'EOF']);
(reclaim-swap) begin
(reclaim-swap) the guest sweeps more memory than the host has free
(reclaim-swap) wrote 2048 pages, checksum f3f30c0c
(reclaim-swap) read them back, checksum f3f30c0c
(reclaim-swap) the hv evicted pages and read them back
(reclaim-swap) the balloon took back all 2048 pages of the sweep
reclaim-swap: exit(0)
(reclaim-swap) end
EOF
pass;
