# -*- perl -*-
# On one CPU the hv loads as it always did: it finds no other CPU,
# starts none and prints nothing about them.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'END']);
(smp-one) begin
(smp-one) the hv is loaded
(smp-one) end
END
my @output = read_output ();
fail ("The hv did not turn SVM on.") unless grep { /^hv: SVM on: / } @output;
my @smp = grep { /^hv: (cpu \d|\d+ CPUs|other CPUs)/ } @output;
fail ("On one CPU the hv spoke of other CPUs:", @smp) if @smp;
pass;
