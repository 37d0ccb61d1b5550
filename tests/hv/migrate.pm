# -*- perl -*-
# Checks of the live-migration tests (tests/hv/migrate.c).  The guest
# prints "(TAG) count N" for N = 1, 2, ... while the test migrates its
# VM, once or more.  Whatever the migrations did, the counter must come
# out whole, with no line lost or printed twice, each migration must
# have happened mid-run (counter lines before it and after it), the hv
# must say that each old VM ended as migrated, and the other lines of
# the test and the guest must be the expected ones, in order.
package tests::hv::migrate;
use strict;
use warnings;
use tests::tests;
use Exporter 'import';
our @EXPORT = qw(check_migration);

# Checks test $test, whose guest prints "($tag) count N" for N = 1...
# $count and migrates $migrations times.  $stop is a pattern the stop
# rule's name in each "($test) figures: ..." line must match.  The
# other lines of the test (its figures apart) and of the guest, and how
# the VMs ended ("NAME: exit(N)"), must be @$expected, in order, but for
# those in @$anywhere (if given), which must each come once, anywhere.
sub check_migration
{
  my ($test, $tag, $count, $migrations, $stop, $expected, $anywhere) = @_;
  $anywhere = [] unless defined $anywhere;
  my @output = read_output ();
  common_checks ('run', @output);
  my @core = get_core_output ('run', @output);

  # The counter, and where each migration started and ended in it.
  my $next = 1;
  my (@before, @after);
  for (@core)
    {
      if (/^\(\Q$tag\E\) count (\d+)$/)
        {
          $1 == $next
            or fail ("Count $next came out as count $1: a line was lost or "
                     . "printed twice across a migration.");
          $next++;
        }
      push (@before, $next - 1) if /^\(\Q$test\E\) migrating /;
      push (@after, $next - 1) if /^\(\Q$test\E\) migrated to a new VM$/;
    }
  $next - 1 == $count
    or fail ("The guest printed " . ($next - 1) . " counts, not $count.");
  @before == $migrations && @after == $migrations
    or fail ("Expected $migrations migrations, the test began "
             . scalar (@before) . " and ended " . scalar (@after) . ".");
  for my $i (0 .. $migrations - 1)
    {
      $before[$i] > 0 && $after[$i] < $count
        or fail ("Migration " . ($i + 1) . " did not happen mid-run: it "
                 . "began after count $before[$i] and ended after count "
                 . "$after[$i] of $count.");
    }

  # The hv's word for each old VM, and the figures of each migration.
  my @migrated = grep (/^hv: vm \d+ '[^']*' migrated: vm \d+ runs on in its place$/,
                       @core);
  @migrated == $migrations
    or fail ("Expected $migrations lines saying an old VM was migrated, "
             . "found " . scalar (@migrated) . ".");
  my @figures = grep (/^\(\Q$test\E\) figures: /, @core);
  @figures == $migrations
    or fail ("Expected $migrations lines of figures, found "
             . scalar (@figures) . ".");
  for my $line (@figures)
    {
      my ($rule) = $line =~ /figures: ([a-z ]+) after \d+ rounds \(pages:( \d+)+\), \d+ final pages, \d+ pages sent of \d+, downtime \d+ us, total \d+ us$/
        or fail ("Malformed figures: $line");
      $rule =~ /^(?:$stop)$/
        or fail ("The stop rule said '$rule', not what this guest must get: $line");
    }

  # The lines that may come anywhere, then everything else, in order.
  for my $line (@$anywhere)
    {
      my $n = grep ($_ eq $line, @core);
      $n == 1 or fail ("Expected the line \"$line\" once, found it $n times.");
    }
  my %anywhere = map { ($_ => 1) } @$anywhere;
  my @lines = grep (!$anywhere{$_}, @core);
  @lines = grep ((/^\(\Q$test\E\) / && !/^\(\Q$test\E\) figures: /)
                    || (/^\(\Q$tag\E\) / && !/^\(\Q$tag\E\) count \d+$/)
                    || /^[\w-]+: exit\(-?\d+\)$/, @lines);
  my $got = join ("\n", @lines);
  my $want = join ("\n", @$expected);
  $got eq $want or fail ("Expected:\n$want\nGot:\n$got");
  pass;
}

1;
