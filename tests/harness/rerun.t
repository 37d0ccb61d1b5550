#! /usr/bin/perl
# Tests how "make check" (tests/Make.tests) reports and reruns tests: a
# fresh failure prints its reasons; a test whose result is up to date
# is not run again, and prints its stored verdict with the same
# reasons and says so; a changed checker reruns only its test; RERUN=1
# reruns what TESTS selects; a timeout's result shows the output's last
# lines, all of them, past the usual limit of reasons.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::RealBin/lib";
use Test::More;
use FakeLab qw(fake_lab run_make runs);

# Returns the report block of TEST in OUTPUT: its verdict line and the
# indented lines under it.
sub block
{
  my ($output, $test) = @_;
  my ($block) = $output =~ /^((?:pass|FAIL) \Q$test\E \(.*\)\n(?:    .*\n)*)/m;
  return $block // '';
}

# Returns BLOCK without its verdict line.
sub reasons
{
  my ($block) = @_;
  return $block =~ s/^.*\n//r;
}

my $build = fake_lab (qw(good bad hang));
my @all = map { "tests/fake/$_" } qw(good bad hang);

# A first run runs every test and explains the failures.
my ($first, $status) = run_make ($build, 'check');
isnt ($status, 0, 'make check fails when a test fails');
is_deeply ([sort { $a cmp $b } runs ($build)], [qw(bad good hang)], 'the first run runs every test');
like (block ($first, 'tests/fake/good'), qr/^pass tests\/fake\/good \(\d+\.\d s\)\n\z/,
      'a fresh pass shows its wall time');
my $bad = block ($first, 'tests/fake/bad');
like ($bad, qr/^FAIL tests\/fake\/bad \(\d+\.\d s\)\n/, 'a fresh failure shows its wall time');
like ($bad, qr/^    \+ \(bad\) an unexpected line$/m, 'a fresh failure shows its reasons');
my $hang = block ($first, 'tests/fake/hang');
like ($hang, qr/did not finish: TIMEOUT after 1 seconds/, 'a timeout is reported as such');
like ($hang, qr/^    The last lines of the output before the timeout:\n/m,
      'a timeout announces the last lines of the output');
my @tail = $hang =~ /^      \(hang\) step (\d+)$/mg;
is ("@tail", '3 4 5 6 7 8 9 10 11 12', 'a timeout shows the last ten lines, all of them');
unlike ($hang, qr/more line\(s\)/, 'the tail of a timeout is not cut');
like ($first, qr/^2 of 3 tests failed\.$/m, 'the summary counts the failure')
  or diag ($first);

# A second run runs nothing and reports the stored verdicts in full.
my ($second) = run_make ($build, 'check');
is (scalar (runs ($build)), 3, 'an up-to-date test is not run again');
like (block ($second, 'tests/fake/good'),
      qr/^pass tests\/fake\/good \(up to date, not rerun\)\n\z/, 'a stored pass says it was not rerun');
my $stored_bad = block ($second, 'tests/fake/bad');
like ($stored_bad, qr/^FAIL tests\/fake\/bad \(up to date, not rerun\)\n/,
      'a stored failure says it was not rerun');
is (reasons ($stored_bad), reasons ($bad), 'a stored failure shows the reasons a fresh run showed');
is (reasons (block ($second, 'tests/fake/hang')), reasons ($hang),
    'a stored timeout shows the same tail');
like ($second, qr/^\(3 test\(s\) up to date, not rerun: make check RERUN=1 runs them again\)$/m,
      'the summary says how to force a rerun');
like ($second, qr/^2 of 3 tests failed\.$/m, 'stored verdicts count in the summary');

# A changed checker makes its test out of date, and only that one.
sleep 1;
utime (undef, undef, "$build/../src/tests/fake/good.ck") or die "touch: $!\n";
my ($third) = run_make ($build, 'check');
is ((runs ($build))[-1], 'good', 'a changed checker reruns its test');
is (scalar (runs ($build)), 4, 'and no other test');
like (block ($third, 'tests/fake/good'), qr/\(\d+\.\d s\)/, 'the rerun test shows its wall time');
like (block ($third, 'tests/fake/bad'), qr/\(up to date, not rerun\)/, 'the others are stored');

# RERUN=1 forces the tests TESTS selects, and only those.
my ($fourth) = run_make ($build, 'check', 'RERUN=1', 'TESTS=tests/fake/bad');
is_deeply ([(runs ($build))[4 .. $#{[runs ($build)]}]], ['bad'], 'RERUN=1 reruns the selected test');
like (block ($fourth, 'tests/fake/bad'), qr/^FAIL tests\/fake\/bad \(\d+\.\d s\)\n/,
      'a forced rerun reports a fresh verdict');
unlike ($fourth, qr/up to date/, 'a forced rerun reports nothing as stored');

done_testing ();
