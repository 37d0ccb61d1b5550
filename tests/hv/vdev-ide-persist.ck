# -*- perl -*-
# What a guest writes to its emulated IDE disk is in the disk's file
# of the scratch archive after the VM ends, as the master (written by
# the "vmrun" before the test) and as the slave, and nothing else of
# the file changes.  The hv reports each VM's disk; a disk file that
# does not exist or is shorter than a sector is refused.  A hostile
# guest's disk file keeps its partial last sector, and the file after
# it in the archive (vdev-ide-persist.dsk) is untouched.
use strict;
use warnings;
use tests::tests;

my @output = read_output ();
my @expected = (
  "(guest-ide-write) disk found as the master: wrote sectors 5-6; 512 words read back",
  "hv: vm 1 'guest-ide-write': disk0 'vdev-ide-persist.dsk' (hda): "
    . "3 commands, 2 sectors read, 2 written",
  "hv: vm 2 'guest-ide-write': disk1 'vdev-ide-persist.dsk' (hdb): "
    . "3 commands, 2 sectors read, 2 written",
  "hv: cannot create VM 'guest-hello': disk0 'no-such.dsk': "
    . "no such file in the scratch archive",
  "hv: cannot create VM 'guest-hello': disk0 'vdev-ide-tiny.dsk': "
    . "the file is shorter than one sector (100 bytes)");
for my $line (@expected)
  {
    grep { $_ eq $line } @output
      or fail ("Missing line: $line");
  }
check_expected ([<<'EOF']);
(vdev-ide-persist) begin
(guest-ide-write) disk found as the slave: wrote sectors 9-10; 512 words read back
guest-ide-write: exit(0)
(guest-ide-fuzz) after 800 random steps: IDENTIFY says 4 sectors; 4 of them read back
guest-ide-fuzz: exit(0)
(vdev-ide-persist) vdev-ide-fuzz.dsk: its partial last sector is as before
(vdev-ide-persist) sectors 5-6 hold the master's pattern, 9-10 the slave's; the other sectors and the partial tail are as before
(vdev-ide-persist) disk0 'no-such.dsk': VM refused: invalid argument or guest image
(vdev-ide-persist) disk0 'vdev-ide-tiny.dsk': VM refused: invalid argument or guest image
(vdev-ide-persist) end
EOF
pass;
