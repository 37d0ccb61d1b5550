# -*- perl -*-
# A guest dilated by TDF sees a host-paced event (50 host ticks) TDF
# times faster by its ticks, its TSC and the PIT.  The ticks are exact:
# the interval starts at an edge of the host's clock and 50 is a
# multiple of each TDF.  The TSC and PIT ratios may be off by the few
# exits it takes to see an edge, far below 1% (and printed rounded to
# a tenth); 5% is allowed, while an undilated clock is off by 50% at
# TDF 2, and a PIT period the guest missed (55 ms) by 10% or more.
use strict;
use warnings;
use tests::tests;

my @output = read_output ();
my @tdf = (1, 2, 10);
my @ratio = grep (/host time \/ guest time/, @output);
@ratio == @tdf or fail ("Expected " . scalar (@tdf) . " ratio lines, got "
                        . scalar (@ratio));
for my $i (0 .. $#tdf)
  {
    my ($tdf) = $tdf[$i];
    my ($ticks, $tsc, $pit) = $ratio[$i]
      =~ /ticks ([\d.]+), TSC ([\d.]+), PIT ([\d.]+)/
      or fail ("Malformed line: $ratio[$i]");
    $ticks == $tdf or fail ("TDF $tdf: ticks ratio $ticks");
    abs ($tsc - $tdf) <= 0.05 * $tdf or fail ("TDF $tdf: TSC ratio $tsc");
    abs ($pit - $tdf) <= 0.05 * $tdf or fail ("TDF $tdf: PIT ratio $pit");
  }

my @expected = ("(tdf-measure) begin");
for my $tdf (@tdf)
  {
    my $ticks = 50 / $tdf;
    push (@expected,
          "(tdf-measure) time dilation factor $tdf",
          "(tdf-measure) 50 host ticks took $ticks guest ticks (HC_TICKS), "
          . "$ticks (timer)",
          "(tdf-measure) RDTSC <= TSC MSR <= RDTSC: yes",
          "(tdf-measure) TSC after writing the MSR: as written",
          "guest-tdf: exit(0)");
  }
push (@expected, "(tdf-measure) end");
my @lines = grep (/^\(tdf-measure\)|^guest-tdf: / && !/host time \/ guest/,
                  @output);
my $got = join ("\n", @lines);
my $want = join ("\n", @expected);
$got eq $want or fail ("Expected:\n$want\nGot:\n$got");
pass;
