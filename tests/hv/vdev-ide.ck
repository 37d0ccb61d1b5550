# -*- perl -*-
# The emulated IDE controller as a PIO driver sees it: an empty second
# channel and an absent slave look absent, the disk resets with the
# ATA signature, IDENTIFY describes it (64 whole sectors of a file of
# 64.2), sectors read and write back, errors carry IDNF or ABRT, and
# the completion interrupt comes through the PIC once per sector
# ready, held back by nIEN.  The hv counts the disk's commands.
use strict;
use warnings;
use tests::tests;

my $stats = "hv: vm 1 'vdev-ide': disk0 'vdev-ide.dsk' (hda): "
  . "23 commands, 11 sectors read, 5 written";
grep { $_ eq $stats } read_output ()
  or fail ("Missing line: $stats");
check_expected ([<<'EOF']);
(vdev-ide) begin
(vdev-ide) master: registers read back 0x55 0xaa, status 0x50
(vdev-ide) slave (absent): status 0, alternate 0, error 0
(vdev-ide) slave after IDENTIFY: status 0
(vdev-ide) channel 1 (empty): status 0xff, data 0xffff
(vdev-ide) reset: status 0x80 while held, 0x50 after; error 0x1; signature 1 1 0 0; device 0
(vdev-ide) IDENTIFY: model "Ringlet HV ATA disk"
(vdev-ide) IDENTIFY: ATA yes, LBA yes, 64 sectors, checksum good, status after 0x50
(vdev-ide) read 1 sectors from 0: 1 as expected; status after 0x50
(vdev-ide) read 3 sectors from 10: 3 as expected; status after 0x50
(vdev-ide) write of sector 20: reads back yes; restored yes; next sector intact
(vdev-ide) sector 7 as a doubleword 0x7010700, then bytes 0x2 0x7; status after 0x50
(vdev-ide) read of sector 64: status 0x51, error 0x10, LBA 64
(vdev-ide) read of sectors 62-65: status 0x51, error 0x10, LBA 64
(vdev-ide) read of 256 sectors (count 0): status 0x51, error 0x10, LBA 64
(vdev-ide) write of sector 64: status 0x51, error 0x10, LBA 64
(vdev-ide) verify of sector 70: status 0x51, error 0x10, LBA 70
(vdev-ide) CHS read: status 0x51, error 0x4, LBA 1
(vdev-ide) unknown command: status 0x51, error 0x4, LBA 0
(vdev-ide) IDENTIFY PACKET DEVICE: status 0x51, error 0x4, LBA 1
(vdev-ide) read 1 sectors from 63: 1 as expected; status after 0x50
(vdev-ide) verify of sectors 0-7: status 0x50
(vdev-ide) flush: status 0x50
(vdev-ide) read of 2 sectors: interrupts so far: 1 at the start, 2 after the first sector, 2 after the second; data good
(vdev-ide) write of 1 sector: 0 interrupts before its data, 1 after
(vdev-ide) flush with nIEN: 0 interrupts; after clearing nIEN: 1
vdev-ide: exit(0)
(vdev-ide) end
EOF
pass;
