#! /usr/bin/perl
# Tests utils/demo-output, the filter the lecture demos run through: it
# drops the boot messages, the set-up lines and the kernel's end-of-run
# statistics, keeps what the demo prints, always shows trouble after
# boot, prints everything if the kernel never finished booting, and
# exits with the status the last line gives.
use strict;
use warnings;
use FindBin;
use IPC::Open2;
use Test::More;

my $filter = "$FindBin::RealBin/../../utils/demo-output";

# Runs the filter on INPUT; returns its output and exit status.
sub filter
{
  my ($input) = @_;
  my $pid = open2 (my $out, my $in, $^X, $filter);
  print $in $input;
  close $in;
  my $output = do { local $/; <$out> } // '';
  waitpid ($pid, 0);
  return ($output, $? >> 8);
}

my $run = <<'END';
Ringlet loader
Ringlet booting with 8,064 KiB RAM...
Boot complete.
hv: SVM on: 15 ASIDs, nRIP save no, nested paging
insmod: hv.ko: module 'hv' loaded
Executing 'sched-demo':
(sched-demo) begin
the demo's first line
hv: vm 1 'A' killed: stopped at the host's request
(sched-demo) end
Execution of 'sched-demo' complete.
Timer: 2391 ticks
Powering off...
demo-output: status 0
END
my ($output, $status) = filter ($run);
is ($output, "the demo's first line\nhv: vm 1 'A' killed: stopped at the host's request\n",
    'only what the demo prints');
is ($status, 0, 'a good run exits 0');

($output, $status) = filter ("Boot complete.\nthe demo\nKernel PANIC at x.c:1\n"
                             . "Timer: 5 ticks\ndemo-output: status 1\n");
is ($output, "the demo\nKernel PANIC at x.c:1\n", 'a panic is shown');
is ($status, 1, "the launcher's status comes through");

($output, $status) = filter ("Ringlet loader\nKernel PANIC at boot\n"
                             . "demo-output: status 3\n");
is ($output, "Ringlet loader\nKernel PANIC at boot\n",
    'a kernel that never finished booting shows everything');
is ($status, 3, 'and its status');

done_testing ();
