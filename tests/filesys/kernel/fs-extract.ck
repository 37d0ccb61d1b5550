# -*- perl -*-
# Checks that "extract" put the host's notes.txt and loader.bin into
# the file system byte for byte: "cat" prints the text as it is and
# the binary file as a hex dump of exactly the host's bytes, and the
# sizes and hashes the test computed match the host's files.
use strict;
use warnings;
use tests::tests;
use tests::filesys::kernel::fstest;

my $notes = fs_slurp (fs_source_file ('notes.txt'));
my $loader = fs_slurp ('loader.bin');
my $before = join ("\n",
  "Putting 'notes.txt' into the file system...",
  "Putting 'loader.bin' into the file system...",
  "Contents of 'notes.txt', " . length ($notes) . " bytes:",
  split (/\n/, $notes),
  "Contents of 'loader.bin', " . length ($loader) . " bytes (hex dump):",
  fs_hex_dump ($loader));
my $core = join ("\n",
  "(fs-extract) begin",
  "(fs-extract) notes.txt: " . length ($notes) . " bytes, hash " . fs_hash ($notes),
  "(fs-extract) loader.bin: " . length ($loader) . " bytes, hash " . fs_hash ($loader),
  "(fs-extract) the archive's first header is erased",
  "(fs-extract) extracting again succeeds and finds nothing",
  "(fs-extract) end");
fs_check_actions ($before, $core, '');
pass;
