# -*- perl -*-
# The shell runs a script of vmctl commands end to end.
use strict;
use warnings;
use tests::tests;
use tests::vmctl::vmctl;
my @core = vmctl_core_output ();

# Each command of the script, and the lines it must print: exact, or
# a pattern for those with figures that vary from run to run.
my $usage = qr/^usage: vmctl list$/;
my @script = (
  [ 'insmod hv.ko', 'insmod: hv.ko loaded' ],
  [ 'vmctl', $usage, '[exit status 2]' ],
  [ 'vmctl frobnicate 1', "vmctl: unknown command or wrong arguments: 'frobnicate'",
    $usage, '[exit status 2]' ],
  [ 'vmctl run nosuch.bin', 'vmctl: nosuch.bin: no such file', '[exit status 1]' ],
  [ 'vmctl run ticker.bin tdf=500', 'vmctl: tdf takes a number from 0 to 100', $usage,
    '[exit status 2]' ],
  [ 'vmctl run ticker.bin ram=8 weight=300 cap=50 paging=npt', 'vmctl: ticker.bin runs as VM 1' ],
  [ 'vmctl pause 1', 'vmctl: VM 1 paused' ],
  [ 'vmctl snapshot 1 snap', 'vmctl: VM 1 saved in snap' ],
  [ 'vmctl snapshot 1 snap',
    'vmctl: snap: cannot create the file (it exists, or no room)', '[exit status 1]' ],
  [ 'vmctl clone 1', 'vmctl: VM 1 cloned as VM 2 (resume it)' ],
  [ 'vmctl kill 2', 'vmctl: VM 2 killed' ],
  [ 'vmctl resume 1', 'vmctl: VM 1 running' ],
  [ 'vmctl list',
    qr/^ ID NAME +STATE +VCPUS WEIGHT +CAP +CPU\(ms\) +EXITS +RAM\(K\) PAGING TDF OWNER$/,
    qr/^  1 ticker +running +1 +300 +50 +\d+ +\d+ +8192 npt +1 +\d+$/ ],
  [ 'vmctl stats 1',
    qr/^VM 1 'ticker': running, 1 VCPU\(s\), weight 300, cap 50%, \d+ exits, RAM 8192 KiB \(\d+ KiB resident\), nested paging, tdf 1$/,
    qr/^  VM +run \d+ us, waited \d+ us, \d+ wake-ups, worst latency \d+ us$/,
    qr/^  VCPU0 +run \d+ us, waited \d+ us, \d+ wake-ups, worst latency \d+ us$/ ],
  [ 'vmctl set 1 weight=100 cap=0', 'vmctl: VM 1 set' ],
  [ 'vmctl list', qr/^ ID NAME/,
    qr/^  1 ticker +running +1 +100 +0 +\d+ +\d+ +8192 npt +1 +\d+$/ ],
  [ 'vmctl kill 1', 'vmctl: VM 1 killed' ],
  [ 'vmctl restore snap again', 'vmctl: snap restored as VM 3 (paused: resume it)' ],
  [ 'vmctl resume 3', 'vmctl: VM 3 running' ],
  [ 'vmctl migrate 3', 'vmctl: VM 3 migrated to VM 4',
    qr/^  rounds: \d+; pages per round:( \d+)+$/,
    qr/^  stop-and-copy: \d+ pages; pages sent: \d+ of 2048$/,
    qr/^  downtime: \d+ us; total time: \d+ us; stopped because: (?:converged|stalled|round limit|sent limit)$/ ],
  [ 'vmctl list', qr/^ ID NAME/,
    qr/^  4 again +running +1 +300 +50 +\d+ +\d+ +8192 npt +1 +\d+$/ ],
  [ 'vmctl kill 4', 'vmctl: VM 4 killed' ],
  [ 'vmctl pause 7', 'vmctl: 7: no such VM', '[exit status 1]' ],
  [ 'rmmod hv', 'rmmod: hv: module unloaded' ],
);

# Finds each command's prompt line in order and, after it, each of its
# lines in order (other lines may come between: the hv's and the
# ticker's).
my $i = 0;
for my $step (@script)
  {
    my ($command, @wanted) = @$step;
    my $prompt = "ringlet> $command";
    $i++ while $i < @core && $core[$i] ne $prompt;
    fail ("The script's command '$command' does not appear (as '$prompt') in order.")
      if $i == @core;
    $i++;
    for my $want (@wanted)
      {
        my $match = sub { ref $want ? $_[0] =~ $want : $_[0] eq $want };
        my $j = $i;
        $j++ while $j < @core && $core[$j] !~ /^ringlet> / && !$match->($core[$j]);
        fail ("After 'ringlet> $command' the line '$want' is missing.")
          if $j == @core || $core[$j] =~ /^ringlet> /;
        $i = $j + 1;
      }
  }
fail ("The shell did not end at the end of the script.")
  unless grep { $_ eq 'shell: exit(0)' } @core;
# VM 1 ticks until it is paused and snapshot, then on from there once
# resumed until it is killed; VM 3, restored from the snapshot, ticks on
# from the snapshot's step (not VM 1's last), and on across its
# migration into VM 4.
my @saved = counts_between (\@core, undef, 'vmctl: VM 1 paused');
my @resumed = counts_between (\@core, 'ringlet> vmctl resume 1', 'ringlet> vmctl restore snap again');
my @restored = counts_between (\@core, 'ringlet> vmctl resume 3', undef);
check_consecutive ('VM 1 before the snapshot', @saved);
check_consecutive_from ('VM 1 resumed', @saved + 1, @resumed);
check_consecutive_from ('VM 3, restored and migrated', @saved + 1, @restored);
check_vmctl_lines (<<'EOF', [grep { /^\(shell-script\)|^shell-script: exit/ } @core]);
(shell-script) begin
(shell-script) after the script: ENOHV
(shell-script) end
shell-script: exit(0)
EOF
pass;
