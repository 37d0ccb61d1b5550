# -*- perl -*-
# Checks of Ringlet inside Ringlet (tests/hv/nested.c).  The output
# holds two kernels' lines: the host's, and the guest's, which the hv
# prints marked with the VM's name ("ringlet-threads| Ringlet booting
# ...").  Each kernel's lines are checked as that kernel's: the guest's
# by the checker of the test it ran (tests/threads/alarm-multiple.ck,
# say) in a run of its own, the host's by the usual common checks and
# the nested test's expected lines.
package tests::hv::nested;
use strict;
use warnings;
use tests::tests;
use File::Basename qw(dirname);
use Cwd qw(abs_path);
use Exporter 'import';
our @EXPORT = qw(nested_guest_lines nested_host_lines check_nested check_devices
                 check_host);

my $srcdir = dirname (dirname (dirname (abs_path (__FILE__))));

# Returns the guest VM NAME's console lines in OUTPUT, unmarked.
sub nested_guest_lines
{
  my ($name, @output) = @_;
  return map { /^\Q$name\E\| (.*)$/ ? $1 : () } @output;
}

# Returns OUTPUT without any guest's lines: the host's.
sub nested_host_lines
{
  return grep { !/^[^\s|]+\| / } @_;
}

# Checks the host's side of nested test $test: it booted once, ran the
# test to the end without a panic and powered off, and its lines are
# the nested test's, the guest VM NAME (kernel IMAGE) ending with
# EXIT_CODE.
sub check_host
{
  my ($name, $image, $exit_code, @output) = @_;
  my @host = nested_host_lines (@output);
  common_checks ('run', @host);
  my ($short) = $test =~ m|([^/]+)$|;
  my $expected = join ('', map { "$_\n" }
                       "($short) begin",
                       "($short) booting $image as a multiboot guest",
                       "$name: exit($exit_code)",
                       "($short) the guest powered off with status $exit_code",
                       "($short) end");
  compare_output ('run', [get_core_output ('run', @host)], [$expected]);
}

# Checks nested test $test, whose guest VM NAME ran kernel IMAGE and
# the test whose checker is INNER_CK (a path from the top of the
# tree): the host's side, then the guest's lines as that checker
# would judge a run of its own.
sub check_nested
{
  my ($name, $image, $inner_ck) = @_;
  my @output = read_output ();
  my @guest = nested_guest_lines ($name, @output);
  fail ("The guest printed nothing: no '$name| ' line in the output.")
    unless @guest;

  my $inner = "$test.guest";
  open my $out, '>', "$inner.output" or die "cannot write $inner.output: $!";
  print $out "$_\n" foreach @guest;
  close $out;
  open my $err, '>', "$inner.errors" or die "cannot write $inner.errors: $!";
  close $err;
  unlink "$inner.result";
  system ($^X, "-I$srcdir", "$srcdir/$inner_ck", $inner, "$inner.result");
  fail ("$inner_ck wrote no result for the guest's output.")
    unless -s "$inner.result";
  my ($verdict, @reasons) = read_text_file ("$inner.result");
  fail ("Inside the guest, $inner_ck says:", @reasons,
        "(the guest's lines are in $inner.output)")
    unless $verdict eq 'PASS';

  check_host ($name, $image, 0, @output);
  check_devices (@output);
  pass;
}

# Checks that the hv counted the guest's port exits by device when it
# ended: a Ringlet guest prints through the UART and takes its timer
# ticks through the PIC, so both have lines with a count above 0.
sub check_devices
{
  my @output = @_;
  grep { /^hv:   device\s+exits\s+cycles\/exit\s+exits\/s/ } @output
    or fail ("The hv printed no table of the guest's port exits by device.");
  for my $device ('uart', 'pic')
    {
      grep { /^hv:   \Q$device\E\s+[1-9]\d*\s+\d+\s+\d+$/ } @output
        or fail ("The hv's table of port exits by device has no exits for "
                 . "the $device.");
    }
}

1;
