#! /usr/bin/perl
# Tests utils/grade-batch on three threads-lab submissions made from
# this tree: a good one (a folder), a broken one that does not compile
# (a tarball), and a hostile one that rewrites a checker, forges a
# result, links a lab's Make.vars to a file outside its tree and makes
# timer_sleep() loop forever.  The good one must score 100%, the
# broken one 0% with the compiler's message, and the hostile one must
# be judged by the pristine checks and stopped at its time limit.
# Builds and runs two kernels: a few minutes ("make check-batch").
use strict;
use warnings;
use FindBin;
use lib "$FindBin::RealBin/../lib";
use Test::More;
use File::Temp qw(tempdir);
use JSON::PP;
use Time::HiRes qw(time);
use FakeLab qw(write_file read_text);

my $real = "$FindBin::RealBin/../../..";
my $top = tempdir ('batch-XXXXXX', TMPDIR => 1, CLEANUP => 1);
my $subs = "$top/submissions";
my $limit = 240;

# Copies this tree's files (tracked or not ignored) into DIR.
sub copy_tree
{
  my ($dir) = @_;
  mkdir $dir or die "$dir: $!\n";
  system ("cd '$real' && git ls-files -co --exclude-standard -z | xargs -0 tar -cf - "
          . "| tar -xf - -C '$dir'") == 0 or die "copy of the tree failed\n";
}

# Inserts the lines LINES after the first match of PATTERN in FILE;
# dies unless there is one.
sub insert_after
{
  my ($file, $pattern, $lines) = @_;
  my $text = read_text ($file);
  $text =~ s/($pattern)/$1$lines/ or die "$file: no $pattern\n";
  write_file ($file, $text);
}

mkdir $subs or die "$subs: $!\n";
copy_tree ("$subs/good");

copy_tree ("$top/broken");
open (my $fh, '>>', "$top/broken/devices/timer.c") or die "timer.c: $!\n";
print $fh "this line is not C;\n";
close $fh;
system ("tar -czf '$subs/broken.tar.gz' -C '$top' broken") == 0 or die "tar failed\n";

my $hostile = "$subs/hostile";
copy_tree ($hostile);
# The hostile checker replaces the checker of the first test the threads
# lab runs (tests/Make.tests starts its SLOW_TESTS first), so that the
# test surely runs before the submission reaches its time limit.
my $first = "tests/threads/mlfqs-load-avg";
write_file ("$hostile/$first.ck", "use tests::tests;\npass;\n");
write_file ("$hostile/threads/build/tests/threads/alarm-zero.result", "PASS\n");
utime (time + 86400, time + 86400, "$hostile/threads/build/tests/threads/alarm-zero.result");
write_file ("$top/outside", "untouched\n");
unlink "$hostile/threads/Make.vars";
symlink ("$top/outside", "$hostile/threads/Make.vars") or die "symlink: $!\n";
insert_after ("$hostile/devices/timer.c", qr/timer_sleep \(int64_t ticks\)\n\{\n/,
              "  for (;;)\n    continue;\n");

my $out = "$top/grades";
my $start = time;
my $said = `'$real/utils/grade-batch' --lab threads -o '$out' -j 3 -T $limit '$subs' 2>&1`;
my $elapsed = time - $start;
is ($? >> 8, 0, 'grade-batch ends successfully') or diag ($said);

my %rows;
for my $line (split /\n/, read_text ("$out/grades.csv"))
  {
    my ($name, $status, $score, $passed, $tests) = split /,/, $line;
    $rows{$name} = { status => $status, score => $score, passed => $passed, tests => $tests };
  }
is_deeply ([sort keys %rows], [qw(broken good hostile submission)],
           'grades.csv has a header and one line per submission');

# Returns the JSON results of submission NAME.
sub results
{
  my ($name) = @_;
  my $text = read_text ("$out/$name.json");
  return $text ? JSON::PP->new->decode ($text) : {};
}

# Returns the status of test TEST in RESULTS.
sub status_of
{
  my ($results, $test) = @_;
  my ($entry) = grep { $_->{name} eq $test } @{$results->{tests} // []};
  return $entry ? $entry->{status} : 'absent';
}

my $good = results ('good');
is ($rows{good}{status}, 'graded', 'the good submission is graded');
is ($rows{good}{score}, '100.0', 'and scores 100%');
ok ($rows{good}{tests} > 30 && $rows{good}{passed} == $rows{good}{tests},
    "every one of its $rows{good}{tests} tests passed");
is ($good->{score}, 100, 'its JSON says 100 too');

my $broken = results ('broken');
is ($rows{broken}{status}, 'build-failed', 'the broken submission does not build');
is ($rows{broken}{score}, '0.0', 'and scores 0');
like ($broken->{output} // '', qr/timer\.c.*error/, 'its JSON carries the compiler\'s message');
is ($broken->{score}, 0, 'and a score of 0');

my $bad = results ('hostile');
is ($rows{hostile}{status}, 'time-limit', 'the looping submission is stopped at its limit');
ok ($elapsed < 2 * $limit, 'and the batch does not wait for it much longer');
ok ($rows{hostile}{score} < 100, "it scores less than 100% ($rows{hostile}{score}%)");
like (read_text ("$out/work/hostile/tree/threads/build/$first.result"),
      qr/^FAIL\n.*did not finish/, "$first ran and the pristine checker judged it");
is (status_of ($bad, $first), 'failed',
    "its rewritten checker is not used: $first fails");
is (status_of ($bad, 'tests/threads/alarm-zero'), 'failed', 'its forged result is not used');
is (read_text ("$out/work/hostile/tree/$first.ck"),
    read_text ("$real/$first.ck"), 'its tree holds the pristine checker');
is (read_text ("$top/outside"), "untouched\n", 'its link out of the tree is not followed');
my @left = grep { /work\/hostile/ } `ps -eo args`;
is_deeply (\@left, [], 'none of its processes is left running');

done_testing ();
