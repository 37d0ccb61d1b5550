# -*- perl -*-
# Checks that the disks are probed when first needed and only once:
# the kernel test checks when, and the output must name the kernel
# partition's device exactly once, since every probe announces it.
use strict;
use warnings;
use tests::tests;

my @output = read_output ();
common_checks ('run', @output);
my @roles = grep { /^kernel: using \S+$/ } @output;
fail ("The kernel announced its kernel partition " . scalar (@roles)
      . " times; the disks must be probed exactly once:", @roles)
  unless @roles == 1;
compare_output ('run', [get_core_output ('run', @output)], [<<'EOF']);
(disk-on-demand) begin
(disk-on-demand) disks probed only once something needed one
(disk-on-demand) the first lookup found the kernel partition
(disk-on-demand) a second lookup finds the same device
(disk-on-demand) end
EOF
pass;
