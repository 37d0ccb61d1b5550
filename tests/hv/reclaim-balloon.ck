# -*- perl -*-
# Pages given back with HC_BALLOON leave the VM's resident count and
# read as zeros when touched again; the others keep their contents;
# bad arguments are refused (HC_EINVAL -3, HC_EFAULT -2).
use strict;
use warnings;
use tests::tests;

my @output = read_output ();
grep { /^hv: vm \d+ 'reclaim-balloon' memory: \d+ pages resident, 0 in swap; 0 evicted, 0 swapped in, 128 ballooned$/ } @output
  or fail ("Missing the hv's memory line: 128 pages ballooned");
check_expected ([<<'EOF']);
(reclaim-balloon) begin
(reclaim-balloon) balloon of 128 pages released 128; resident pages went down by 128
(reclaim-balloon) ballooned pages so far: 128
(reclaim-balloon) the same pages again release 0
(reclaim-balloon) 128 given pages read as zeros, 128 others kept their contents
(reclaim-balloon) resident pages are back up by 128
(reclaim-balloon) unaligned address: -3
(reclaim-balloon) past the end of RAM: -2
(reclaim-balloon) wrapping count: -2
(reclaim-balloon) unknown memory count: -3
reclaim-balloon: exit(0)
(reclaim-balloon) end
EOF
pass;
