# -*- perl -*-
# Checks the round trip through the scratch disk: notes.txt went in
# with -p and came back with -g unchanged, and the test's "pattern"
# file came back with -g holding exactly the pattern the test wrote.
# The files that came back are deleted once read, so that a later run
# that brings nothing back cannot pass on them.
use strict;
use warnings;
use tests::tests;
use tests::filesys::kernel::fstest;

# Reads and deletes the file -g wrote for NAME.
sub fetched
{
  my ($name, $host) = @_;
  fail ("The launcher brought no '$name' back from the scratch disk ($host is missing).")
    unless -e $host;
  my $data = fs_slurp ($host);
  unlink $host;
  return $data;
}

my $notes = fetched ('notes.txt', "$test.notes");
my $pattern = fetched ('pattern', "$test.pattern");
fs_check_actions (<<'BEFORE', <<'CORE', <<'AFTER');
Putting 'notes.txt' into the file system...
BEFORE
(fs-append) begin
(fs-append) wrote pattern, 5000 bytes
append: cannot open 'missing'.
(fs-append) appending a missing file fails
(fs-append) end
CORE
Appending 'notes.txt' to ustar archive...
Appending 'pattern' to ustar archive...
AFTER
fail ("notes.txt came back changed: " . length ($notes) . " bytes")
  unless $notes eq fs_slurp (fs_source_file ('notes.txt'));
fail ("pattern came back changed: " . length ($pattern) . " bytes")
  unless $pattern eq fs_pattern (5000, 0x99);
pass;
