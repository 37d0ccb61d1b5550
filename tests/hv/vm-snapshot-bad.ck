# -*- perl -*-
# Restoring a snapshot that is empty, cut short, damaged, not a
# snapshot at all, or forged with right checksums (devices and a VCPU
# with impossible state, a page outside the VM's RAM) is refused with
# the reason, and leaks no page; the snapshot as saved restores.
use strict;
use warnings;
use tests::tests;
my $bad = "snapshot damaged or cut short";
my $want = <<EOF;
(vm-snapshot-bad) begin
(vm-snapshot-bad) vm killed: stopped at the host's request
(vm-snapshot-bad) empty: $bad: it ends early (truncated)
(vm-snapshot-bad) cut inside the header: $bad: it ends early (truncated)
(vm-snapshot-bad) cut inside a page: $bad: it ends early (truncated)
(vm-snapshot-bad) cut 24 bytes short: $bad: it ends early (truncated)
(vm-snapshot-bad) one bit of a page flipped: $bad: a record's checksum does not match (the file is damaged)
(vm-snapshot-bad) not a snapshot: $bad: not a snapshot (no snapshot header)
(vm-snapshot-bad) forged devices, checksum right: $bad: the console's line is longer than its buffer
(vm-snapshot-bad) forged VCPU, checksum right: $bad: a VCPU in an impossible scheduling state
(vm-snapshot-bad) forged page address, checksum right: $bad: a page lies outside the VM's RAM
(vm-snapshot-bad) vm killed: never started
(vm-snapshot-bad) the snapshot as saved: restored
(vm-snapshot-bad) end
EOF
my $got = join ("", map ("$_\n", grep (/^\(vm-snapshot-bad\) /, read_output ())));
$got eq $want or fail ("Expected:\n$want\nGot:\n$got");
pass;
