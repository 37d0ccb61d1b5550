#! /usr/bin/perl
# Tests the Gradescope autograder of the threads lab on real kernels:
# the bundle made from this tree is unpacked into a folder laid out
# like Gradescope's /autograder, and its run_autograder grades this
# tree as a submission (every test passes: 100 points, one entry per
# rubric test, each rubric's points adding up to its weight), then a
# copy whose timer.c does not compile (0 points, the compiler's
# message in the output).  Builds and runs the threads lab: a few
# minutes ("make check-batch").
use strict;
use warnings;
use FindBin;
use lib "$FindBin::RealBin/../lib";
use Test::More;
use File::Temp qw(tempdir);
use FakeLab qw(read_text);
use Gradescope qw(autograder_root run_autograder check_format check_rubric);

my $real = "$FindBin::RealBin/../../..";
my $top = tempdir ('gradescope-slow-XXXXXX', TMPDIR => 1, CLEANUP => 1);

# Copies this tree's files (tracked or not ignored) into DIR.
sub copy_tree
{
  my ($dir) = @_;
  system ("mkdir -p '$dir' && cd '$real' && git ls-files -co --exclude-standard -z"
          . " | xargs -0 tar -cf - | tar -xf - -C '$dir'") == 0 or die "copy of the tree failed\n";
}

my $bundle = "$top/autograder-threads.zip";
my $said = `cd '$real' && perl utils/autograder/make-bundle --lab threads -o '$bundle' -T 600 --test-jobs 2 2>&1`;
is ($? >> 8, 0, 'make-bundle makes the threads bundle') or diag ($said);
my $root = autograder_root ($bundle);

copy_tree ("$root/submission");
my ($status, $log, $results) = run_autograder ($root);
is ($status, 0, 'run_autograder succeeds') or diag ($log);
is (check_format ($results, 'reference'), 10000, 'the tests\' max_score add up to 100 points');
check_rubric ($results, $real, 'tests/threads/Grading', 'reference');
is ($results->{score}, 100, 'the reference tree scores 100') or diag ($results->{output});
is (scalar (grep { $_->{status} ne 'passed' } @{$results->{tests}}), 0, 'every test passed');
is (scalar (grep { ($_->{execution_time} // 0) > 0 } @{$results->{tests}}),
    scalar (@{$results->{tests}}), 'every test has the time it ran');
ok ((grep { $_->{max_score} =~ /^\d+$/ } @{$results->{tests}})
    && (grep { $_->{max_score} =~ /\./ } @{$results->{tests}}),
    'alarm and mlfqs tests are worth whole points, priority tests hundredths');
like ($results->{output}, qr/^Ringlet threads lab: (\d+) of \1 tests passed; 100 of 100 points\.$/m,
      'the output says so');
ok ($results->{execution_time} > 0, "grading took $results->{execution_time} s");

system ("rm -rf '$root/submission' && mkdir '$root/submission'") == 0 or die;
copy_tree ("$root/submission/mine");
open (my $fh, '>>', "$root/submission/mine/devices/timer.c") or die "timer.c: $!\n";
print $fh "this line is not C;\n";
close $fh;
($status, $log, $results) = run_autograder ($root);
is ($status, 0, 'run_autograder succeeds on a broken tree in a folder');
check_format ($results, 'broken');
is ($results->{score}, 0, 'a tree that does not build scores 0');
like ($results->{output}, qr/threads lab does not build; the compiler said:\n(?:.*\n)*.*timer\.c.*error/,
      'with the compiler\'s message in the output') or diag ($results->{output});
my @left = grep { /ringlet-grade-/ } `ps -eo args`;
is_deeply (\@left, [], 'no process of the grading is left running');

done_testing ();
