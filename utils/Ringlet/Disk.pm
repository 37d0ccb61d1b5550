# Ringlet::Disk -- builds and reads Ringlet disk images, for
# utils/ringlet-mkdisk and the launcher utils/ringlet.
#
# A disk image is laid out as follows (threads/loader.h fixes the boot
# sector's format; the constants below must match it):
#
#   sector 0     the boot sector: loader.bin with the kernel command line
#                and the MBR partition table filled in
#   sector 1...  the kernel partition (type 0x20, kernel.bin), then the
#                optional file-system (0x21), scratch (0x22) and swap
#                (0x23) partitions, one after another
#
# The image is padded to whole cylinders of 16 heads x 63 sectors, the
# geometry Bochs is given.
package Ringlet::Disk;

use strict;
use warnings;
use File::Basename qw(basename);
use Exporter qw(import);
use Ringlet::Ustar qw(ustar_pack ustar_unpack NAME_MAX);

our @EXPORT_OK = qw(disk_option_spec check_disk_options kernel_command_line
                    build_disk scratch_files disk_cylinders);

# Boot-sector layout: offsets within the sector (threads/loader.h:
# LOADER_ARGS, LOADER_ARG_CNT, LOADER_PARTS, LOADER_SIG minus LOADER_BASE).
use constant SECTOR       => 512;
use constant ARGS_OFS     => 0x13a;   # NUL-separated kernel arguments...
use constant ARGS_LEN     => 128;     # ...at most this many bytes.
use constant ARG_CNT_OFS  => 0x1ba;   # 32-bit little-endian argument count.
use constant PARTS_OFS    => 0x1be;   # Four 16-byte partition entries.
use constant SIG_OFS      => 0x1fe;   # 0x55 0xaa.

# Partition types (threads/loader.h: PART_TYPE_*).
use constant PART_KERNEL  => 0x20;
use constant PART_FILESYS => 0x21;
use constant PART_SCRATCH => 0x22;
use constant PART_SWAP    => 0x23;

# Largest kernel.bin the boot sector can load (LOADER_KERN_MAX).
use constant KERNEL_MAX   => 0x9f000 - 0x20000;

# Disk geometry for CHS fields and for Bochs.
use constant HEADS => 16;
use constant SPT   => 63;
use constant CYLINDER => HEADS * SPT;

# Room left on the scratch partition for files fetched with -g when no
# --scratch-size is given, in MB.
use constant DEFAULT_GET_ROOM_MB => 4;

my %PART_NAMES = (PART_KERNEL, 'kernel', PART_FILESYS, 'file-system',
                   PART_SCRATCH, 'scratch', PART_SWAP, 'swap');

# Returns the Getopt::Long specification of the disk options, storing
# their values in the hash OPTS.  -p HOST-FILE puts a file on the
# scratch partition (under its base name, or the name given by a
# following -a); with WITH_GETS, -g NAME fetches a file from it after
# the run (into ./NAME, or the host file given by a following -a).
sub disk_option_spec
{
  my ($opts, $with_gets) = @_;
  $opts->{puts} = [];
  $opts->{gets} = [];
  my $rename;           # What a following -a renames, or undef.
  my @spec = ('kernel=s'       => \$opts->{kernel},
              'loader=s'       => \$opts->{loader},
              'filesys-size=f' => \$opts->{filesys_size},
              'filesys=s'      => \$opts->{filesys_from},
              'scratch-size=f' => \$opts->{scratch_size},
              'swap-size=f'    => \$opts->{swap_size},
              'p|put-file=s'   => sub {
                my $put = { host => "$_[1]", name => basename ("$_[1]") };
                push @{$opts->{puts}}, $put;
                $rename = \$put->{name};
              },
              'a|as=s'         => sub {
                die $with_gets ? "-a must follow -p HOST-FILE or -g NAME\n"
                               : "-a must follow -p HOST-FILE\n"
                  unless defined $rename;
                $$rename = "$_[1]";
                undef $rename;
              });
  push @spec, 'g|get-file=s' => sub {
    my $get = { name => "$_[1]", host => "$_[1]" };
    push @{$opts->{gets}}, $get;
    $rename = \$get->{host};
  } if $with_gets;
  return @spec;
}

# Checks the disk options in OPTS after parsing.  Returns an error
# message for a bad command line, or undef if all is well.
sub check_disk_options
{
  my ($opts) = @_;
  for my $size (qw(filesys_size scratch_size swap_size))
    {
      my $value = $opts->{$size};
      (my $option = "--$size") =~ tr/_/-/;
      return "$option must be a positive number of MB"
        if defined $value && $value <= 0;
    }
  return "--filesys=FILE and --filesys-size cannot be combined"
    if defined $opts->{filesys_from} && defined $opts->{filesys_size};
  for my $put (@{$opts->{puts}})
    {
      return "-p $put->{host}: no such file" unless -f $put->{host};
      return "-p $put->{host}: the name '$put->{name}' is empty or longer than "
             . NAME_MAX . " bytes"
        if $put->{name} eq '' || length $put->{name} > NAME_MAX;
    }
  return undef;
}

# Returns true if the disk described by OPTS will have a file-system
# partition: a new one, one copied from an image, or the one kept on
# the disk image OPTS->{keep_filesys}.
sub will_have_filesys
{
  my ($opts) = @_;
  return 1 if defined $opts->{filesys_size} || defined $opts->{filesys_from};
  my $kept = $opts->{keep_filesys};
  return 0 unless defined $kept && -e $kept;
  return scalar grep { $_->{type} == PART_FILESYS } read_partition_table ($kept);
}

# Returns the kernel command line to store for ARGS (a list reference),
# given the disk options OPTS.  Files put with -p are copied into the
# file system by the "extract" action, which is inserted after the
# leading options when the disk has a file-system partition (without
# one, the kernel reads the scratch partition directly, e.g. to load
# a module).  Each file to get with -g adds "append NAME" at the end.
# Dies with a message if the result does not fit the boot sector.
sub kernel_command_line
{
  my ($args, $opts) = @_;
  my @line = @$args;
  if (@{$opts->{puts}} && will_have_filesys ($opts))
    {
      my $options = 0;
      $options++ while $options < @line && $line[$options] =~ /^-/;
      splice @line, $options, 0, 'extract';
    }
  push @line, map { ('append', $_->{name}) } @{$opts->{gets}};

  for my $arg (@line)
    {
      die "kernel argument contains a NUL byte\n" if $arg =~ /\0/;
    }
  my $bytes = 0;
  $bytes += length ($_) + 1 for @line;
  die "kernel command line '@line' needs $bytes bytes; "
      . "the boot sector holds at most " . ARGS_LEN . "\n"
    if $bytes > ARGS_LEN;
  return @line;
}

# Returns the contents of FILE; dies with a message if it cannot be
# read.
sub slurp
{
  my ($file) = @_;
  open (my $fh, '<:raw', $file) or die "$file: cannot read: $!\n";
  local $/;
  my $data = <$fh>;
  close $fh;
  return $data // '';
}

# Returns the contents of loader.bin FILE after checking that it is a
# boot sector with room for the command line and partition table.
sub read_loader
{
  my ($file) = @_;
  my $loader = slurp ($file);
  die "$file: a boot sector must be exactly 512 bytes, not " . length ($loader) . "\n"
    if length $loader != SECTOR;
  die "$file: the boot-sector signature 0x55 0xaa is missing at offset 0x1fe\n"
    if substr ($loader, SIG_OFS, 2) ne "\x55\xaa";
  die sprintf ("%s: bytes 0x%x-0x%x must be zero (room for the kernel command line "
               . "and the partition table); the loader's code is too long\n",
               $file, ARGS_OFS, SIG_OFS - 1)
    if substr ($loader, ARGS_OFS, SIG_OFS - ARGS_OFS) =~ /[^\0]/;
  return $loader;
}

# Returns the contents of kernel.bin FILE after checking its size.
sub read_kernel
{
  my ($file) = @_;
  my $kernel = slurp ($file);
  die "$file: the kernel image is empty\n" if $kernel eq '';
  die sprintf ("%s: the kernel image is %d bytes; the boot sector can load at most %d (0x%x)\n",
               $file, length $kernel, KERNEL_MAX, KERNEL_MAX)
    if length $kernel > KERNEL_MAX;
  return $kernel;
}

# Returns the number of sectors in SIZE megabytes, rounded up.
sub mb_to_sectors
{
  my ($size) = @_;
  my $sectors = $size * 2048;
  return int ($sectors) == $sectors ? $sectors : int ($sectors) + 1;
}

# Returns the number of sectors needed for BYTES bytes.
sub bytes_to_sectors
{
  my ($bytes) = @_;
  return int (($bytes + SECTOR - 1) / SECTOR);
}

# Returns the 3-byte CHS address of sector LBA in the 16-head,
# 63-sector geometry, or the conventional "too far" value past
# cylinder 1023.
sub chs
{
  my ($lba) = @_;
  my $cylinder = int ($lba / CYLINDER);
  return "\xfe\xff\xff" if $cylinder > 1023;
  my $head = int ($lba / SPT) % HEADS;
  my $sector = $lba % SPT + 1;
  return pack ('C3', $head, (($cylinder >> 2) & 0xc0) | $sector, $cylinder & 0xff);
}

# Returns the 16-byte MBR entry for PART ({type, start, sectors}).
sub partition_entry
{
  my ($part) = @_;
  my $last = $part->{start} + $part->{sectors} - 1;
  return pack ('C', $part->{type} == PART_KERNEL ? 0x80 : 0x00)
         . chs ($part->{start}) . pack ('C', $part->{type}) . chs ($last)
         . pack ('V V', $part->{start}, $part->{sectors});
}

# Returns the partitions of disk image FILE as a list of hashes
# {type, start, sectors}, or an empty list if FILE has no MBR.
sub read_partition_table
{
  my ($file) = @_;
  open (my $fh, '<:raw', $file) or die "$file: cannot read: $!\n";
  my $got = read ($fh, my $sector, SECTOR);
  close $fh;
  return () unless defined $got && $got == SECTOR
                   && substr ($sector, SIG_OFS, 2) eq "\x55\xaa";
  my @parts;
  for my $i (0 .. 3)
    {
      my ($type, $start, $sectors)
        = unpack ('x4 C x3 V V', substr ($sector, PARTS_OFS + 16 * $i, 16));
      push @parts, { type => $type, start => $start, sectors => $sectors }
        if $type != 0 && $sectors != 0;
    }
  return @parts;
}

# Returns the contents of the partition of type TYPE on disk image
# FILE, or undef if there is none.
sub read_partition
{
  my ($file, $type) = @_;
  my ($part) = grep { $_->{type} == $type } read_partition_table ($file);
  return undef unless $part;
  open (my $fh, '<:raw', $file) or die "$file: cannot read: $!\n";
  seek ($fh, $part->{start} * SECTOR, 0) or die "$file: cannot seek: $!\n";
  my $want = $part->{sectors} * SECTOR;
  my $got = read ($fh, my $data, $want) // 0;
  close $fh;
  die "$file: the $PART_NAMES{$type} partition runs past the end of the image\n"
    if $got != $want;
  return $data;
}

# Returns the file-system image held in FILE: the file-system
# partition if FILE is a disk image with one, otherwise all of FILE
# (a bare partition image).
sub filesys_from_file
{
  my ($file) = @_;
  my ($fs) = grep { $_->{type} == PART_FILESYS } read_partition_table ($file);
  return read_partition ($file, PART_FILESYS)
    if $fs && -s $file >= ($fs->{start} + $fs->{sectors}) * SECTOR;
  my $data = slurp ($file);
  die "$file: the file-system image is empty\n" if $data eq '';
  return $data;
}

# Returns the scratch partition's size in sectors for ARCHIVE (the put
# files) given the options in OPTS, or 0 for no scratch partition.
sub scratch_sectors
{
  my ($opts, $archive) = @_;
  my $needed = @{$opts->{puts}} ? bytes_to_sectors (length $archive) : 0;
  if (defined $opts->{scratch_size})
    {
      my $sectors = mb_to_sectors ($opts->{scratch_size});
      die sprintf ("the files put with -p need %.2f MB of scratch space; "
                   . "--scratch-size gives only %s MB\n", $needed / 2048, $opts->{scratch_size})
        if $needed > $sectors;
      return $sectors;
    }
  my $room = @{$opts->{gets}} ? mb_to_sectors (DEFAULT_GET_ROOM_MB) : 0;
  return $needed > $room ? $needed : $room;
}

# Returns the partitions to create for OPTS, in disk order, as hashes
# {type, sectors, data}; DATA may be shorter than the partition, which
# is then zero-filled.  FILESYS, if defined, is the contents of the
# file-system partition to keep.
sub plan_partitions
{
  my ($opts, $filesys) = @_;
  my $kernel = read_kernel ($opts->{kernel});
  my @parts = ({ type => PART_KERNEL, sectors => bytes_to_sectors (length $kernel),
                 data => $kernel });
  if (defined $filesys)
    {
      push @parts, { type => PART_FILESYS, sectors => bytes_to_sectors (length $filesys),
                     data => $filesys };
    }
  elsif (defined $opts->{filesys_size})
    {
      push @parts, { type => PART_FILESYS, sectors => mb_to_sectors ($opts->{filesys_size}),
                     data => '' };
    }
  my $archive = ustar_pack (map { [$_->{name}, slurp ($_->{host})] } @{$opts->{puts}});
  my $scratch = scratch_sectors ($opts, $archive);
  push @parts, { type => PART_SCRATCH, sectors => $scratch,
                 data => @{$opts->{puts}} ? $archive : '' } if $scratch;
  push @parts, { type => PART_SWAP, sectors => mb_to_sectors ($opts->{swap_size}),
                 data => '' } if defined $opts->{swap_size};
  return @parts;
}

# Returns the boot sector: LOADER with the command line ARGS and the
# partition table for PARTS (which have their start sectors) filled in.
sub make_boot_sector
{
  my ($loader, $args, $parts) = @_;
  my $sector = $loader;
  my $strings = join ('', map { "$_\0" } @$args);
  substr ($sector, ARGS_OFS, length $strings) = $strings;
  substr ($sector, ARG_CNT_OFS, 4) = pack ('V', scalar @$args);
  substr ($sector, PARTS_OFS, 16 * @$parts) = join ('', map { partition_entry ($_) } @$parts);
  return $sector;
}

# Builds disk image OPTS->{output} from OPTS: loader and kernel files
# (OPTS->{loader}, OPTS->{kernel}), kernel arguments OPTS->{args} as
# returned by kernel_command_line(), and the partition options parsed
# by disk_option_spec().  The file-system partition comes from, in
# order: OPTS->{keep_filesys} (a disk image whose file system is kept,
# if it exists), OPTS->{filesys_from}, or a new empty one of
# OPTS->{filesys_size} MB.  The image is written beside the output and
# renamed over it, so a failure never leaves half a disk.  Dies with a
# message on error.
sub build_disk
{
  my ($opts) = @_;
  my $loader = read_loader ($opts->{loader});
  my $kept = $opts->{keep_filesys};
  my $filesys = defined $kept && -e $kept ? read_partition ($kept, PART_FILESYS) : undef;
  if (defined $filesys)
    {
      die sprintf ("%s: its file-system partition is %.2f MB, not the %s MB asked for; "
                   . "remove the disk to change the size\n", $kept,
                   length ($filesys) / (1024 * 1024), $opts->{filesys_size})
        if defined $opts->{filesys_size}
           && mb_to_sectors ($opts->{filesys_size}) * SECTOR != length $filesys;
    }
  elsif (defined $opts->{filesys_from})
    {
      $filesys = filesys_from_file ($opts->{filesys_from});
    }

  my @parts = plan_partitions ($opts, $filesys);
  my $next = 1;
  for my $part (@parts)
    {
      $part->{start} = $next;
      $next += $part->{sectors};
    }
  my $cylinders = int (($next + CYLINDER - 1) / CYLINDER);

  my $output = $opts->{output};
  my $temp = "$output.new$$";
  open (my $fh, '>:raw', $temp) or die "$temp: cannot create: $!\n";
  my $ok = print $fh make_boot_sector ($loader, $opts->{args}, \@parts);
  for my $part (@parts)
    {
      $ok &&= seek ($fh, $part->{start} * SECTOR, 0) && print $fh $part->{data};
    }
  $ok &&= truncate ($fh, $cylinders * CYLINDER * SECTOR);
  $ok &&= close ($fh);
  unless ($ok && rename ($temp, $output))
    {
      my $error = "$!";
      unlink $temp;
      die "$output: cannot write the disk image: $error\n";
    }
}

# Returns the number of 16 x 63 cylinders of disk image FILE.
sub disk_cylinders
{
  my ($file) = @_;
  return int ((-s $file) / (CYLINDER * SECTOR));
}

# Returns the files on the scratch partition of disk image FILE as a
# hash from name to contents (empty if there is no scratch partition).
sub scratch_files
{
  my ($file) = @_;
  my $scratch = read_partition ($file, PART_SCRATCH);
  return () unless defined $scratch;
  return map { ($_->[0] => $_->[1]) } ustar_unpack ($scratch);
}

1;
