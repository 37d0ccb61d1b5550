# -*- perl -*-
# An unmodified Ringlet kernel runs as a guest on the emulated IDE
# disk: its driver finds the disk (and nothing else), its kernel
# partition reads back as the image in its memory, a sector it writes
# reads back, and after the VM ends the sector is in the disk's file.
# The guest's lines ("ringlet| ...") are checked apart from the host's.
use strict;
use warnings;
use tests::tests;
use tests::hv::nested;

my @output = read_output ();
my @guest = nested_guest_lines ('ringlet', @output);
my @host = nested_host_lines (@output);
common_checks ('run', @host);

# The guest's own lines, in this order (others may come between).
my @wanted = (
  qr/^Kernel command line: -q run ide-read run vdev-ide-ringlet-guest$/,
  qr/^\(ide-read\) begin$/,
  qr/^hda: [\d,]+ sectors \(.*\), model "Ringlet HV ATA disk", serial "HV-DISK-0"$/,
  qr/^\(ide-read\) kernel partition is large enough for the kernel image$/,
  qr/^\(ide-read\) sector 0 matches the first 512 bytes of the image in memory$/,
  qr/^\(ide-read\) so does every sector of code and read-only data$/,
  qr/^\(ide-read\) the last sector of the partition is readable$/,
  qr/^\(ide-read\) end$/,
  qr/^\(vdev-ide-ringlet-guest\) begin$/,
  qr/^\(vdev-ide-ringlet-guest\) last sector of hda written and read back: the same$/,
  qr/^\(vdev-ide-ringlet-guest\) end$/,
  qr/^Powering off\.\.\.$/);
my $at = 0;
for my $pattern (@wanted)
  {
    $at++ while $at < @guest && $guest[$at] !~ $pattern;
    fail ("The guest's output lacks a line like $pattern (in this order).")
      if $at == @guest;
  }
my @bad = grep { /FAILED|PANIC|^hd[b-d]:/ } @guest;
fail ("The guest said:", @bad) if @bad;

my $stats = qr/^hv: vm 1 'ringlet': disk0 'vdev-ide-ringlet\.dsk' \(hda\): \d+ commands, \d+ sectors read, 1 written$/;
grep { $_ =~ $stats } @host
  or fail ("Missing a line like: $stats");

compare_output ('run', [get_core_output ('run', @host)], [<<'EOF']);
(vdev-ide-ringlet) begin
ringlet: exit(0)
(vdev-ide-ringlet) vdev-ide-ringlet.dsk: the last sector holds the guest's marks: yes
(vdev-ide-ringlet) end
EOF
pass;
