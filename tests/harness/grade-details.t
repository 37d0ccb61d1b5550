#! /usr/bin/perl
# Tests what tests/make-grade's details show of a failure: the first
# reasons and a count of the rest, except that a decoded call stack is
# shown whole, frames included, even past the usual limit.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::RealBin/lib";
use Test::More;
use File::Temp qw(tempdir);
use FakeLab qw(write_file);

my $real = "$FindBin::RealBin/../..";
my $src = tempdir ('grade-XXXXXX', TMPDIR => 1, CLEANUP => 1);
my $build = tempdir ('grade-build-XXXXXX', TMPDIR => 1, CLEANUP => 1);

write_file ("$src/tests/fake/Grading", "100%  tests/fake/Rubric.all\n");
write_file ("$src/tests/fake/Rubric.all", "All of it:\n1  panic\n1  diff\n1  good\n");
my @frames = map { sprintf ("  0xc00200%02x: frame_%d (threads/f.c:%d)", $_, $_, $_) } 1 .. 7;
write_file ("$build/tests/fake/panic.result",
            join ("\n", 'FAIL', 'The kernel panicked during the run:',
                  'Kernel PANIC at threads/f.c:1 in frame_1(): assertion failed',
                  'Call stack: 0xc0020001 0xc0020002', 'Translation of the call stack:',
                  @frames) . "\n");
write_file ("$build/tests/fake/diff.result",
            join ("\n", 'FAIL', map { "reason line $_" } 1 .. 8) . "\n");
write_file ("$build/tests/fake/good.result", "PASS\n");

my $report = `cd '$build' && perl '$real/tests/make-grade' '$src' '$src/tests/fake/Grading' 2>&1`;
is ($? >> 8, 0, 'make-grade runs');
like ($report, qr/^TOTAL TESTING SCORE: 33\.3%$/m, 'one test of three passed');
my ($panic) = $report =~ /^(  FAIL .*tests\/fake\/panic\n(?: {13}.*\n)*)/m;
ok (defined $panic, 'the panic is in the details') or diag ($report);
$panic //= '';
like ($panic, qr/^ {13}Translation of the call stack:$/m, 'with the heading of its call stack');
is (scalar (() = $panic =~ /^ {13}  0xc00200\d\d: frame_\d/mg), 7, 'and every frame under it');
unlike ($panic, qr/more line/, 'nothing of it left out');
my ($diff) = $report =~ /^(  FAIL .*tests\/fake\/diff\n(?: {13}.*\n)*)/m;
$diff //= '';
is (scalar (() = $diff =~ /^ {13}reason line/mg), 5, 'a plain failure shows five reasons');
like ($diff, qr/^ {13}\(3 more line\(s\) in tests\/fake\/diff\.result\)$/m, 'and counts the rest');

done_testing ();
