# -*- perl -*-
# A bad ring-3 thread (a write from a kernel buffer, an unknown system
# call, CLI, a store to kernel memory, CLI after loading a null DS and
# spinning through timer interrupts, which the guest kernel must take
# with its own selectors) kills its user program with
# a message.  The bad thread waits until each good thread has made 20
# iterations (a scheduler that lets them take turns gets there; one
# that never switches does not), so each must show at least 20; a
# thread blocked on a guest-kernel semaphore does not keep the program
# alive (the run would time out); and the guest kernel goes on to run
# a fifth program that ends itself with exit code 7 and a sixth,
# well-behaved one, in which a thread joins the good ones and the good
# threads found every USYS_SELF, USYS_VCPU and USYS_TIME answer in
# range.
use strict;
use warnings;
use tests::tests;
use tests::sched::tier1;

my @lines = tier1_lines ('uthread-kill');
my @deeds = (['write from a kernel buffer', qr/write of a bad buffer 0x[0-9a-f]+/],
             ['unknown system call', qr/unknown system call 0x63/],
             ['cli', qr/exception 0xd/],
             ['store to kernel memory', qr/exception 0xe/],
             ['null data segment', qr/exception 0xd/]);
for my $deed (@deeds)
  {
    my ($name, $why) = @$deed;
    tier1_take (\@lines, "program with bad deed: $name");
    tier1_take (\@lines, qr/^user program killed: ($why) at eip 0x[0-9a-f]+ \(vcpu \d+\)$/);
    my ($least, $done) = tier1_take (
      \@lines, qr/^program killed; good threads' least progress (\d+), threads done (\d+)$/);
    fail ("A good thread made only $least iterations before the '$name' kill: "
          . "the threads were not taking turns.")
      if $least < 20;
  }
tier1_take (\@lines, 'program with bad deed: exit with code 7');
tier1_take (\@lines, 'program exited with code 7');
my ($least) = tier1_take (
  \@lines, qr/^program ended; good threads' least progress (\d+), threads done \d+$/);
fail ("A good thread made only $least iterations before the program exited.")
  if $least < 20;
tier1_take (\@lines, 'program with bad deed: none');
tier1_take (\@lines, 'joined the 3 good threads');
tier1_take (\@lines, "program ended; good threads' least progress 50, threads done 4");
tier1_take (\@lines,
            'the guest kernel ran 7 programs; system-call answers out of range: 0');
fail ("Unexpected lines at the end: @lines") if @lines;
tier1_exit_ok ('tier1-kill');
pass;
