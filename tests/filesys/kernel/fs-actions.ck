# -*- perl -*-
# Checks what the ls, rm and cat actions print, for a file that is
# there and for one that is not.
use strict;
use warnings;
use tests::tests;
use tests::filesys::kernel::fstest;
fs_check_actions (<<'BEFORE', <<'CORE', '');
Putting 'notes.txt' into the file system...
Files in the root directory:
notes.txt             291
1 file, 291 bytes; 4087 sectors free.
Removing 'notes.txt'.
Removing 'notes.txt'.
rm: cannot remove 'notes.txt': no such file, or it is corrupt.
cat: cannot open 'notes.txt'.
Files in the root directory:
0 files, 0 bytes; 4089 sectors free.
BEFORE
(fs-actions) begin
(fs-actions) notes.txt is gone, and its sectors are free
(fs-actions) end
CORE
pass;
