# -*- perl -*-
# Switching user threads happens in ring 3: 4 threads yield 2,500
# times each, giving at least 5,000 user-level switches (half the
# yields: a VP may pick the thread it just ran when the others are on
# the other VP).  A switch that entered the guest kernel would make
# at least one system call per switch, one that left the guest one VM
# exit: there must be fewer than one system call per 5 switches and one
# VM exit (timer ticks, the console, first touches of memory) per 10.
# The system calls a program does make are its VPs waiting: a VP yields
# its kernel thread when the ready queue is empty or the queue's lock is
# held, which happens when tier 3 preempts the VCPU of a VP inside the
# lock, so their number varies from run to run (36 to 711 seen, for
# some 8,000 to 10,000 switches).
use strict;
use warnings;
use tests::tests;
use tests::sched::tier1;

my @lines = tier1_lines ('uthread-noexit');
tier1_take (\@lines, '4 user threads on 2 kernel threads yield 2500 times each');
tier1_take (\@lines, 'program ended');
my ($threads, $switches) = tier1_threads (\@lines, 4);
my ($syscalls) = tier1_take (\@lines, qr/^system calls (\d+)$/);
my ($exits) = tier1_take (\@lines, qr/^vm exits: (\d+)$/);
fail ("Unexpected lines after the report: @lines") if @lines;
tier1_exit_ok ('tier1-noexit');

for my $i (0 .. $#$threads)
  {
    fail ("uthread $i did $threads->[$i]{iterations} of its 2500 yields.")
      unless $threads->[$i]{done} && $threads->[$i]{iterations} == 2500;
  }
fail ("Only $switches user-level switches: the scheduler did not switch threads.")
  if $switches < 5000;
fail ("$syscalls system calls for $switches switches: switching enters the guest kernel.")
  if $syscalls * 5 > $switches;
fail ("$exits VM exits for $switches switches: switching leaves the guest.")
  if $exits * 10 > $switches;
pass;
