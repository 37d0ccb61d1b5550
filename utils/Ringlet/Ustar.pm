# Ringlet::Ustar -- writes and reads the ustar ("POSIX.1-1988 tar")
# archives that carry files on a Ringlet scratch partition: the
# launcher packs host files for the kernel's "extract" action and
# unpacks what the kernel's "append" action wrote.  Only plain files
# with names of up to 99 bytes are supported, which is all the kernel
# writes or reads.
package Ringlet::Ustar;

use strict;
use warnings;
use Exporter qw(import);

our @EXPORT_OK = qw(ustar_pack ustar_unpack NAME_MAX);

use constant BLOCK => 512;      # Header and data block size.
use constant NAME_MAX => 99;    # Longest name that fits with its NUL.

# Returns the 512-byte header for a regular file called NAME holding
# SIZE bytes.  Times and owners are zero so that the same files always
# give the same archive.
sub make_header
{
  my ($name, $size) = @_;
  my $header = pack ('a100 a8 a8 a8 a12 a12 A8 a1 a100 a6 a2 a32 a32 a8 a8 a155 a12',
                     $name,
                     sprintf ('%07o', 0644),       # mode
                     sprintf ('%07o', 0),          # uid
                     sprintf ('%07o', 0),          # gid
                     sprintf ('%011o', $size),     # size
                     sprintf ('%011o', 0),         # mtime
                     '',                           # checksum, filled in below
                     '0',                          # type: regular file
                     '',                           # link name
                     "ustar\0", '00',              # magic, version
                     '', '', '', '', '', '');      # owner names, device, prefix, padding
  substr ($header, 148, 8) = sprintf ("%06o\0 ", header_checksum ($header));
  return $header;
}

# Returns the ustar checksum of HEADER: the sum of its bytes with the
# 8-byte checksum field (offset 148) counted as spaces.
sub header_checksum
{
  my ($header) = @_;
  my $copy = $header;
  substr ($copy, 148, 8) = ' ' x 8;
  return unpack ('%32C*', $copy);
}

# Returns an archive holding FILES, a list of [NAME, CONTENTS] pairs, in
# order, followed by the two zero blocks that end an archive.  Dies with
# a message if a name cannot be stored.
sub ustar_pack
{
  my (@files) = @_;
  my $archive = '';
  for my $file (@files)
    {
      my ($name, $contents) = @$file;
      die "archive member name '$name' is empty or longer than "
          . NAME_MAX . " bytes\n"
        if $name eq '' || length ($name) > NAME_MAX;
      $archive .= make_header ($name, length $contents);
      $archive .= $contents;
      $archive .= "\0" x ((BLOCK - length ($contents) % BLOCK) % BLOCK);
    }
  return $archive . ("\0" x (2 * BLOCK));
}

# Reads the archive at the start of IMAGE (a string) and returns its
# regular files as a list of [NAME, CONTENTS] pairs.  Reading stops at
# the first all-zero block, at a block that is not a valid header (the
# rest of the partition is unused space) or at the end of IMAGE.
sub ustar_unpack
{
  my ($image) = @_;
  my @files;
  my $offset = 0;
  while ($offset + BLOCK <= length $image)
    {
      my $header = substr ($image, $offset, BLOCK);
      last if $header =~ /^\0*$/;
      last unless substr ($header, 257, 5) eq 'ustar';
      my $stored_sum = oct (unpack ('A8', substr ($header, 148, 8)));
      last unless $stored_sum == header_checksum ($header);

      my $name = unpack ('Z100', $header);
      my $size = oct (unpack ('A12', substr ($header, 124, 12)));
      my $type = substr ($header, 156, 1);
      $offset += BLOCK;
      last if $offset + $size > length $image;
      push @files, [$name, substr ($image, $offset, $size)]
        if $type eq '0' || $type eq "\0";
      $offset += int (($size + BLOCK - 1) / BLOCK) * BLOCK;
    }
  return @files;
}

1;
