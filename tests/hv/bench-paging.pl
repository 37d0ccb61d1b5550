#! /usr/bin/perl
# bench-paging.pl [--exits] PREFIX GUEST... -- the figures of "make
# bench-paging" and "make demo-paging" (run in the hv lab's build
# folder, after the runs they made).  Guest GUEST is the program
# bench-paging-GUEST (hv/guest/bench-paging-GUEST.c), and
# PREFIX-GUEST.output a boot that ran it in two VMs, one after the
# other: with nested paging (npt), then with shadow page tables
# (shadow).  From each VM it takes the guest's cycles for its fixed
# work and its checksum, and the hv's exit statistics: the VM's exits,
# its CPU time and its exits by reason.
#
# Without --exits it prints a table: per guest, the cycles in both
# modes, shadow/npt, the exits per second of the VM's CPU time in both
# modes, then each guest's exits by reason.  With --exits, for each
# GUEST: its work and cycles, and its exits by reason side by side, the
# lecture demo.  Dies, saying why, if a run failed or a figure is
# missing.
use strict;
use warnings;

my $exits_only = @ARGV && $ARGV[0] eq '--exits' ? shift @ARGV : 0;
@ARGV >= 2 or die "usage: bench-paging.pl [--exits] PREFIX GUEST...\n";
my ($prefix, @guests) = @ARGV;
my @MODES = qw(npt shadow);     # In the order the VMs ran.

# Returns the figures of the VMs of guest program NAME in the boot
# whose output is FILE, in the order they ran: a list of hash
# references with work (the guest's "work:" line), cycles, checksum,
# ended (it exited with code 0), exits, ms (the VM's CPU time) and
# reasons (a list of [name, count, cycles per exit]).  A VM's figures
# end with its scheduling line, which the hv prints last.
sub read_vms
{
  my ($file, $name) = @_;
  open my $fh, '<', $file or die "bench-paging: cannot read $file: $!\n";
  chomp (my @lines = <$fh>);
  close $fh;

  my @vms = ({reasons => []});
  my $in_table = 0;
  for (@lines)
    {
      my $vm = $vms[-1];
      $vm->{work} = $1 if /^\(\Q$name\E\) work: (.*)$/;
      @$vm{qw(cycles checksum)} = ($1, $2)
        if /^\(\Q$name\E\) cycles (\d+), checksum (0x[0-9a-f]+|0)$/;
      $vm->{ended} = 1 if $_ eq "$name: exit(0)";
      @$vm{qw(exits ms)} = ($1, $2)
        if /^hv: vm \d+ '\Q$name\E': (\d+) exits in (\d+\.\d) ms of CPU time/;
      push @vms, {reasons => []} if /^hv: vm \d+ '\Q$name\E' scheduling:/;
      if (/^hv:   exit\s+count\s+cycles\/exit$/)
        {
          $in_table = 1;
          next;
        }
      if ($in_table && /^hv:   (\S.*?)\s+(\d+)\s+(\d+)$/)
        {
          push @{$vm->{reasons}}, [$1, $2, $3];
          next;
        }
      $in_table = 0;
    }
  pop @vms unless defined $vms[-1]{exits} || $vms[-1]{ended};
  return @vms;
}

# Dies, saying what is missing, unless VM, the run in MODE of guest
# GUEST (in FILE), ran to its end and has every figure.
sub check_vm
{
  my ($vm, $mode, $guest, $file) = @_;
  my $what = "$file: the $mode run of $guest";
  die "bench-paging: $what did not happen (see $file)\n" unless defined $vm;
  die "bench-paging: $what did not exit with code 0\n" unless $vm->{ended};
  for my $key (qw(work cycles checksum exits ms))
    {
      die "bench-paging: $what printed no figure '$key'\n"
        unless defined $vm->{$key};
    }
  die "bench-paging: $what: no exit statistics\n" unless @{$vm->{reasons}};
  die "bench-paging: $what: no CPU time\n" unless $vm->{ms} > 0;
}

# Returns GUEST's runs, a hash reference from mode to run, after
# checking that both did the same work with the same result.
sub read_guest
{
  my ($guest) = @_;
  my $file = "$prefix-$guest.output";
  my @vms = read_vms ($file, "bench-paging-$guest");
  die "bench-paging: $file: " . @vms . " VMs of $guest, not 2\n" if @vms > 2;
  my %runs;
  for my $i (0 .. $#MODES)
    {
      check_vm ($vms[$i], $MODES[$i], $guest, $file);
      $runs{$MODES[$i]} = $vms[$i];
    }
  my ($npt, $shadow) = @runs{@MODES};
  die "bench-paging: $guest: the npt and shadow runs did different work\n"
    unless $npt->{work} eq $shadow->{work};
  die "bench-paging: $guest: checksum $npt->{checksum} with npt, "
    . "$shadow->{checksum} with shadow paging\n"
    unless $npt->{checksum} eq $shadow->{checksum};
  return \%runs;
}

# Formats N with thousands separators.
sub big
{
  my $n = sprintf ("%.0f", $_[0]);
  1 while $n =~ s/^(\d+)(\d{3})/$1,$2/;
  return $n;
}

# Returns RUN's exits per second of its CPU time.
sub rate
{
  my ($run) = @_;
  return $run->{exits} * 1000 / $run->{ms};
}

# Returns the reason names of RUNS (mode to run), those of the shadow
# run first, in the hv's order, then any only the npt run had.
sub reason_names
{
  my ($runs) = @_;
  my (@names, %seen);
  for my $mode (reverse @MODES)
    {
      push @names, grep { !$seen{$_}++ } map { $_->[0] } @{$runs->{$mode}{reasons}};
    }
  return @names;
}

# Returns RUN's exits of reason NAME: [count, cycles per exit].
sub reason
{
  my ($run, $name) = @_;
  my ($r) = grep { $_->[0] eq $name } @{$run->{reasons}};
  return $r ? [@$r[1, 2]] : [0, 0];
}

# Prints the benchmark's table for RUNS (guest to its runs).
sub print_table
{
  my (%runs) = @_;
  print "Nested paging (npt) against shadow page tables: the guest's TSC cycles for\n"
    . "its fixed work, and the VM's exits per second of its CPU time\n";
  printf "  %-10s %15s %15s %10s %14s %14s\n", 'guest', 'npt cycles',
    'shadow cycles', 'shadow/npt', 'npt exits/s', 'shadow exits/s';
  for my $guest (@guests)
    {
      my ($npt, $shadow) = @{$runs{$guest}}{@MODES};
      printf "  %-10s %15s %15s %9.2fx %14s %14s\n", $guest, big ($npt->{cycles}),
        big ($shadow->{cycles}), $shadow->{cycles} / $npt->{cycles},
        big (rate ($npt)), big (rate ($shadow));
    }
  print "Exits by reason over each VM's life, npt / shadow\n";
  for my $guest (@guests)
    {
      my $runs = $runs{$guest};
      my @parts = map { my $name = $_;
                        join ('/', map { reason ($runs->{$_}, $name)->[0] } @MODES)
                          . " $name" } reason_names ($runs);
      print "  $guest ($runs->{npt}{work}):\n";
      print "    ", join (', ', @parts), "\n";
    }
  print "Published direction: nested paging is fastest on page-table-heavy work\n"
    . "(no exits on CR3 writes or PTE edits); shadow paging is cheaper on TLB\n"
    . "misses (a one-level walk instead of a 2-D walk of up to 24 memory references).\n";
}

# Prints, for GUEST's RUNS, the demo: its work, its cycles in both
# modes and its exits by reason side by side.
sub print_exits
{
  my ($guest, $runs) = @_;
  my ($npt, $shadow) = @$runs{@MODES};
  print "bench-paging-$guest, $npt->{work}, run twice:\n";
  printf "  %-12s %15s %15s\n", '', 'nested (npt)', 'shadow';
  printf "  %-12s %15s %15s   %.2fx\n", 'guest cycles', big ($npt->{cycles}),
    big ($shadow->{cycles}), $shadow->{cycles} / $npt->{cycles};
  printf "  %-12s %15s %15s\n", 'exits', big ($npt->{exits}),
    big ($shadow->{exits});
  printf "  %-12s %15s %15s\n", 'exits/s', big (rate ($npt)),
    big (rate ($shadow));
  print "Exits by reason: how many, and the hv's cycles for each\n";
  printf "  %-12s %15s %15s %15s %15s\n", '', 'npt', 'shadow',
    'npt cycles', 'shadow cycles';
  printf "  %-12s %15s %15s %15s %15s\n", 'reason', 'exits', 'exits',
    'per exit', 'per exit';
  for my $name (reason_names ($runs))
    {
      my ($n, $s) = map { reason ($runs->{$_}, $name) } @MODES;
      printf "  %-12s %15s %15s %15s %15s\n", $name, big ($n->[0]),
        big ($s->[0]), $n->[0] ? big ($n->[1]) : '-',
        $s->[0] ? big ($s->[1]) : '-';
    }
  print "Under shadow paging the hv sees what nested paging leaves to the CPU:\n"
    . "each CR3 write (cr3), each INVLPG (invlpg) and the page faults (#pf) by\n"
    . "which it fills its shadow tables on demand; under nested paging the only\n"
    . "memory exits are the first touches of guest RAM (npf).\n";
}

my %runs = map { $_ => read_guest ($_) } @guests;
if ($exits_only)
  {
    print_exits ($_, $runs{$_}) foreach @guests;
  }
else
  {
    print_table (%runs);
  }
