# -*- perl -*-
# Without swap, a guest that needs more memory than the host has
# fails alone, with the reason; every page comes back, the next VM
# runs.
use strict;
use warnings;
use tests::tests;

my @output = read_output ();
grep { /^hv: vm 1 'guest-bigmem' killed: out of host memory for guest RAM at 0x[0-9a-f]+: no swap partition to evict its pages to$/ } @output
  or fail ("Missing the hv's line: the big guest killed for want of memory, no swap");
check_expected ([<<'EOF']);
(reclaim-noswap) begin
(reclaim-noswap) the guest sweeps more memory than the host has free
(reclaim-noswap) the big guest was killed: out of host memory for guest RAM: no swap partition to evict its pages to
guest-hello: exit(0)
(reclaim-noswap) the next VM ran
(reclaim-noswap) end
EOF
pass;
