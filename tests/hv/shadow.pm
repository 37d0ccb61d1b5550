# -*- perl -*-
# Checks of the shadow-NAME tests (tests/hv/Make.tests): a guest test's
# guest run under shadow paging.  Its lines must be the guest's usual
# ones, and the hv's statistics must show that the shadow pager ran:
# a guest that quietly ran under nested paging would print the same
# lines.
package tests::hv::shadow;
use strict;
use warnings;
use tests::tests;
use Exporter 'import';
our @EXPORT = qw(check_shadowed);

# Checks shadow test $test: the shadow pager's line is in the output,
# with entries filled, and between "($test) begin" and "($test) end"
# the guest's lines are $lines.
sub check_shadowed
{
  my ($test, $lines) = @_;
  my @output = read_output ();
  my @shadow = grep { /^hv: vm \d+ shadow paging: [1-9]\d* entries filled/ }
               @output;
  fail ("The hv printed no shadow paging statistics with entries filled:",
        "the guest did not run under shadow paging.")
    unless @shadow;
  check_expected (["($test) begin\n$lines($test) end\n"]);
}

1;
