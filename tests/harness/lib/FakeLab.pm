# FakeLab -- a lab build folder for testing the harness without a
# kernel or a simulator: tests/Make.tests, tests/tests.pm and the tools
# of utils/ it runs are the real ones; the launcher is a script that
# prints a boot transcript chosen by the test's name and logs every
# run, and the layering check always passes.  Also the small file
# helpers the harness tests share.
package FakeLab;

use strict;
use warnings;
use Cwd qw(abs_path);
use File::Basename qw(dirname);
use File::Path qw(make_path);
use File::Temp qw(tempdir);
use Exporter qw(import);

our @EXPORT_OK = qw(fake_lab run_make runs write_file read_text checker);

# The real tree: this file is tests/harness/lib/FakeLab.pm in it.
my $real = dirname (dirname (dirname (dirname (abs_path (__FILE__)))));

# The fake launcher: logs the test it runs to $RINGLET_FAKE_LOG and
# prints the transcript of a boot that runs it.  Test "good" prints
# what its checker expects, "bad" one line too many, "hang" a dozen
# lines and then the launcher's timeout notice.
my $launcher = <<'END';
#! /bin/sh
for arg; do last=$arg; done
name=${last%% *}
echo "$name" >> "$RINGLET_FAKE_LOG"
echo "Ringlet booting with 4,096 kB RAM..."
echo "Boot complete."
echo "Executing '$name':"
echo "($name) begin"
case $name in
  bad) echo "($name) an unexpected line" ;;
  hang) i=1; while [ $i -le 12 ]; do echo "($name) step $i"; i=$((i + 1)); done
        echo "TIMEOUT after 1 seconds of host time"; exit 124 ;;
esac
echo "($name) end"
echo "Execution of '$name' complete."
echo "Timer: 5 ticks"
echo "Powering off..."
END

# Writes TEXT to FILE, making its folder; MODE sets its permissions.
sub write_file
{
  my ($file, $text, $mode) = @_;
  make_path (dirname ($file));
  open (my $fh, '>', $file) or die "$file: $!\n";
  print $fh $text;
  close $fh or die "$file: $!\n";
  chmod $mode, $file if defined $mode;
}

# Returns the text of FILE, or an empty string if it cannot be read.
sub read_text
{
  my ($file) = @_;
  open (my $fh, '<', $file) or return '';
  local $/;
  my $text = <$fh>;
  close $fh;
  return $text;
}

# Returns the checker of test NAME: its output must be begin and end.
sub checker
{
  my ($name) = @_;
  return "use strict;\nuse warnings;\nuse tests::tests;\n"
         . "check_expected ([<<'EOF']);\n($name) begin\n($name) end\nEOF\npass;\n";
}

# Makes a fake source tree and its build folder, with the tests NAMES
# (of "good", "bad", "hang") in tests/fake; returns the build folder.
sub fake_lab
{
  my (@names) = @_;
  my $top = tempdir ('harness-XXXXXX', TMPDIR => 1, CLEANUP => 1);
  my $src = "$top/src";
  make_path ("$src/tests", "$src/utils", "$top/build");
  symlink ("$real/tests/$_", "$src/tests/$_") or die "$_: $!\n"
    for qw(Make.tests Make.handout tests.pm make-grade);
  symlink ("$real/utils/$_", "$src/utils/$_") or die "$_: $!\n"
    for qw(test-verdict Ringlet);
  write_file ("$src/utils/ringlet", $launcher, 0755);
  write_file ("$src/utils/check-layering", "exit 0\n");
  write_file ("$src/tests/fake/Make.tests",
              "tests/fake_TESTS = " . join (' ', map { "tests/fake/$_" } @names) . "\n");
  write_file ("$src/tests/fake/$_.ck", checker ($_)) for @names;
  write_file ("$top/build/$_", '') for qw(kernel.bin loader.bin);
  write_file ("$top/build/Makefile", <<"END");
SRCDIR = $src
PERL = perl
TEST_SUBDIRS = tests/fake
GRADING_FILE = \$(SRCDIR)/tests/fake/Grading
include \$(SRCDIR)/tests/fake/Make.tests
include \$(SRCDIR)/tests/Make.tests
END
  return "$top/build";
}

# Runs make with ARGS in BUILD; returns its output (stdout and stderr)
# and exit status.
sub run_make
{
  my ($build, @args) = @_;
  local $ENV{RINGLET_FAKE_LOG} = "$build/runs.log";
  my $command = join (' ', 'make --no-print-directory -C', $build,
                      map { "'$_'" } @args);
  my $output = `$command 2>&1`;
  return ($output, $? >> 8);
}

# Returns the tests the fake launcher has run in BUILD so far, in order.
sub runs
{
  my ($build) = @_;
  open (my $fh, '<', "$build/runs.log") or return ();
  my @runs = map { s/\n\z//r } <$fh>;
  close $fh;
  return @runs;
}

1;
