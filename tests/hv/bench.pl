#! /usr/bin/perl
# bench.pl -- prints the hv benchmark's figures (make bench): reads the
# output of each run (one per simulator, tests/hv/hv-bench.c) and
# prints one table per simulator:
#  - exits: a CPUID exit and a null hypercall, as ratios to a
#    software-interrupt round trip on the host;
#  - scheduling: the cost of a scheduling decision with 2, 8 and 64
#    runnable VCPUs and the ratio 64/2; a VCPU switch (directed yield)
#    against a switch between two host threads;
#  - the CPU-bound loop: on the host with interrupts off (its bare
#    cost), on the host, and in a guest with interrupts masked and
#    unmasked; the guest/host ratio, what each host tick costs the
#    loop, and where the ticks of a spinning guest go.
# Cycles are the simulated CPU's TSC: what the ratios compare is
# instructions and emulation work, not wall-clock time.
use strict;
use warnings;

# The lines of a run and the figures they hold (keys of the hash).
my @PATTERNS = (
  [ qr/host: int (\d+) loop (\d+) without interrupts (\d+)/,
    qw(int host_loop bare_loop) ],
  [ qr/host: thread switch (\d+)/, qw(thread_switch) ],
  [ qr/guest: cpuid (\d+) hypercall (\d+) loop (\d+)/,
    qw(cpuid hcall guest_loop) ],
  [ qr/guest: loop unmasked (\d+)/, qw(guest_loop_sti) ],
  [ qr/hv: spinning guest: window (\d+) us, guest (\d+) us, host (\d+) us, (\d+) cycles$/,
    qw(spin_us spin_guest_us spin_host_us spin_cycles) ],
  [ qr/hv: spinning guest: (\d+) intr exits, handler (\d+) cycles/,
    qw(spin_exits spin_handler) ],
  [ qr/guest: vcpu switch (\d+)/, qw(vcpu_switch) ],
  [ qr/hv: decisions with 2 vcpus: (\d+) in (\d+) cycles/, qw(dec2 dec2_cycles) ],
  [ qr/hv: decisions with 8 vcpus: (\d+) in (\d+) cycles/, qw(dec8 dec8_cycles) ],
  [ qr/hv: decisions with 64 vcpus: (\d+) in (\d+) cycles/,
    qw(dec64 dec64_cycles) ],
);

# Host timer ticks per second (HV_TICK_HZ).
my $TICK_HZ = 100;

# Returns the figures in the run output FILE as a hash reference, or
# dies saying which is missing.
sub read_figures
{
  my ($file) = @_;
  open (my $fh, '<', $file) or die "bench.pl: $file: $!\n";
  my %f;
  while (my $line = <$fh>)
    {
      next unless $line =~ s/^\(hv-bench\) //;
      for my $p (@PATTERNS)
        {
          my ($re, @keys) = @$p;
          @f{@keys} = ($line =~ $re) if $line =~ $re;
        }
    }
  close $fh;
  for my $key (map { @$_[1 .. $#$_] } @PATTERNS)
    {
      die "bench.pl: $file: no figure '$key' (did the run fail?)\n"
        unless defined $f{$key} && $f{$key} > 0;
    }
  return \%f;
}

# Prints one row: a label, cycles, and a comment (may be empty).
sub row
{
  my ($label, $cycles, $comment) = @_;
  printf "    %-34s %12s  %s\n", $label, $cycles, $comment;
}

# Formats CYCLES with thousands separators.
sub big
{
  my ($n) = @_;
  $n = sprintf ("%.0f", $n);
  1 while $n =~ s/^(\d+)(\d{3})/$1,$2/;
  return $n;
}

# Prints the exits part of F's table.
sub print_exits
{
  my ($f) = @_;
  print "  exits\n";
  row ('INT round trip on the host', big ($f->{int}), '');
  row ('CPUID exit', big ($f->{cpuid}),
       sprintf ("%5.1fx INT", $f->{cpuid} / $f->{int}));
  row ('null hypercall', big ($f->{hcall}),
       sprintf ("%5.1fx INT", $f->{hcall} / $f->{int}));
}

# Prints the scheduling part of F's table.
sub print_scheduling
{
  my ($f) = @_;
  print "  scheduling\n";
  my %per;
  for my $n (2, 8, 64)
    {
      $per{$n} = $f->{"dec${n}_cycles"} / $f->{"dec$n"};
      row ("decision, $n runnable VCPUs", big ($per{$n}),
           $n == 64 ? sprintf ("%5.2fx the 2-VCPU cost", $per{64} / $per{2})
                    : '');
    }
  row ('host thread switch (semaphores)', big ($f->{thread_switch}), '');
  row ('VCPU switch (HC_YIELD_TO)', big ($f->{vcpu_switch}),
       sprintf ("%5.2fx a host thread switch",
                $f->{vcpu_switch} / $f->{thread_switch}));
}

# Prints the loop part of F's table: the loop's times, what a host
# tick costs it on the host and in a guest, and where the ticks of a
# spinning guest go.
sub print_loop
{
  my ($f) = @_;
  my $cpu = $f->{spin_cycles} / $f->{spin_us};    # Cycles a microsecond.
  my $per_tick = $cpu * 1_000_000 / $TICK_HZ;
  my $bare = $f->{bare_loop};
  # Cycles each tick took from a loop that ran CYCLES in all.
  my $tick_cost = sub { ($_[0] - $bare) / ($_[0] / $per_tick) };

  print "  CPU-bound loop (", big ($per_tick), " cycles a tick)\n";
  row ('host, interrupts off', big ($bare), '');
  row ('host', big ($f->{host_loop}),
       sprintf ("%5.3fx bare, %s cycles a tick", $f->{host_loop} / $bare,
                big ($tick_cost->($f->{host_loop}))));
  for my $case (['guest, interrupts masked', 'guest_loop'],
                ['guest, interrupts unmasked', 'guest_loop_sti'])
    {
      my ($label, $key) = @$case;
      row ($label, big ($f->{$key}),
           sprintf ("%5.3fx host, %s cycles a tick",
                    $f->{$key} / $f->{host_loop},
                    big ($tick_cost->($f->{$key}))));
    }
  # Where the ticks of a guest that only spins went, per tick.
  my $ticks = $f->{spin_us} * $TICK_HZ / 1_000_000;
  my $away = ($f->{spin_us} - $f->{spin_guest_us}) * $cpu / $ticks;
  my $host = $f->{spin_host_us} * $cpu / $ticks;
  my $handler = $f->{spin_handler} / $f->{spin_exits};
  printf "    a spinning guest's tick: %s cycles out of the guest = host\n"
    . "      interrupts and threads %s + hv %s (INTR handler %s of it)\n",
    big ($away), big ($host), big ($away - $host), big ($handler);
}

print "hv benchmark: cycles of the simulated CPU's TSC\n";
for my $file (@ARGV)
  {
    my ($sim) = $file =~ /--(\w+)\.output$/;
    my $f = read_figures ($file);
    print "\n", $sim // $file, "\n";
    print_exits ($f);
    print_scheduling ($f);
    print_loop ($f);
  }
