#! /usr/bin/perl
# bench.pl -- prints the hv benchmark's figures (make bench): reads
# the output of each run (one per simulator) and prints, per
# simulator, the cost of a CPUID exit and of a null hypercall as
# ratios to a software-interrupt round trip on the host, and the time
# of the same CPU-bound loop in a guest divided by its time on the
# host.  Cycles are the simulated CPU's TSC: what the ratios compare
# is instructions and emulation work, not wall-clock time.
use strict;
use warnings;

# Returns the figures in the run output FILE as a hash reference, or
# dies saying which line is missing.
sub read_figures
{
  my ($file) = @_;
  open (my $fh, '<', $file) or die "bench.pl: $file: $!\n";
  my %f;
  while (my $line = <$fh>)
    {
      @f{qw(int host_loop)} = ($1, $2)
        if $line =~ /^\(hv-bench\) host: int (\d+) loop (\d+)/;
      @f{qw(cpuid hcall guest_loop)} = ($1, $2, $3)
        if $line =~ /^\(hv-bench\) guest: cpuid (\d+) hypercall (\d+) loop (\d+)/;
    }
  close $fh;
  for my $key (qw(int host_loop cpuid hcall guest_loop))
    {
      die "bench.pl: $file: no figures (did the run fail?)\n"
        unless defined $f{$key} && $f{$key} > 0;
    }
  return \%f;
}

print "hv benchmark: cycles of the simulated TSC; ratios in parentheses\n";
printf "%-8s %12s %18s %20s %14s\n", 'sim', 'INT (host)', 'CPUID exit',
  'null hypercall', 'guest/host loop';
for my $file (@ARGV)
  {
    my ($sim) = $file =~ /--(\w+)\.output$/;
    my $f = read_figures ($file);
    printf "%-8s %12d %9d (%5.1fx) %11d (%5.1fx) %14.2f\n", $sim // $file,
      $f->{int}, $f->{cpuid}, $f->{cpuid} / $f->{int}, $f->{hcall},
      $f->{hcall} / $f->{int}, $f->{guest_loop} / $f->{host_loop};
  }
