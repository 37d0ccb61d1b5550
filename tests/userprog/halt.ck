# -*- perl -*-
# Halt powers the machine off at once: after "(halt) begin" nothing
# of the test appears, and the run action never completes.
use strict;
use warnings;
use tests::tests;
my @output = read_output ();
common_checks ('run', @output);
my ($start) = grep { $output[$_] eq "Executing 'halt':" } 0 .. $#output;
fail ("The kernel never started the test: no \"Executing 'halt':\" line.")
  unless defined $start;
compare_output ('run', [@output[$start + 1 .. $#output]], [<<'EOF']);
(halt) begin
EOF
pass;
