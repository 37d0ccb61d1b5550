#! /usr/bin/perl
# bench-nested.pl TEST... -- the figures of "make bench-nested" (run
# in the hv lab's build folder, after the runs it made): for each
# threads test TEST, how long the threads kernel took from boot to
# power-off on the bare simulator (bench-nested-bare-TEST.output, its
# "Timer: N ticks") and as a guest of the hv (bench-nested-guest-TEST
# .output, the VM's life on the host's clock), both in timer ticks of
# simulated time at the same virtual CPU speed, and their ratio; then
# the guest's exits per second by reason and by device.
use strict;
use warnings;

@ARGV or die "usage: bench-nested.pl TEST...\n";

# Returns the lines of file NAME.
sub lines_of
{
  my ($name) = @_;
  open my $fh, '<', $name or die "bench-nested: cannot read $name: $!\n";
  chomp (my @lines = <$fh>);
  return @lines;
}

my @rows;
my @rates;
for my $test (@ARGV)
  {
    my ($bare) = map { /^Timer: (\d+) ticks$/ ? $1 : () }
                 lines_of ("bench-nested-bare-$test.output");
    die "bench-nested: no 'Timer: N ticks' line in the bare run of $test\n"
      unless defined $bare;

    my @guest = lines_of ("bench-nested-guest-$test.output");
    grep { $_ eq 'ringlet-threads: exit(0)' } @guest
      or die "bench-nested: the guest run of $test did not end with exit(0)\n";
    my ($seconds) = map { /\(port I\/O over (\d+\.\d+) s\)$/ ? $1 : () } @guest;
    die "bench-nested: no device table in the guest run of $test\n"
      unless defined $seconds;
    my $ticks = $seconds * 100;
    push @rows, sprintf ("  %-24s %10d %12d %8.2fx", $test, $bare, $ticks,
                         $ticks / ($bare || 1));

    # Exit reasons sit between the "exit" and "device" headers, devices
    # between the "device" header and the scheduling lines.
    my ($section, @reasons, @devices) = ('');
    for (@guest)
      {
        if (/^hv:   exit\s+count/) { $section = 'reason'; next }
        if (/^hv:   device\s+exits/) { $section = 'device'; next }
        if (/^hv: vm \d+ .* scheduling/) { $section = ''; next }
        next unless $section && /^hv:   (.+?)\s+(\d+)\s+(\d+)(?:\s+\d+)?\s*$/;
        my ($name, $count) = ($1, $2);
        my $rate = sprintf ("%s %.0f", $name, $count / $seconds);
        push @{$section eq 'reason' ? \@reasons : \@devices}, $rate;
      }
    push @rates, "  $test", "    by reason: " . join (', ', @reasons),
                 "    by device: " . join (', ', @devices);
  }

print "Ringlet inside Ringlet: boot to power-off, in 100 Hz ticks of simulated time\n";
printf "  %-24s %10s %12s %9s\n", 'test', 'bare', 'as a guest', 'ratio';
print "$_\n" foreach @rows;
print "The guest's exits per second of simulated time\n";
print "$_\n" foreach @rates;
