# -*- perl -*-
# Checks that a removed file lives on for its open handles only.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(fs-remove-open) begin
(fs-remove-open) after removing, the name is gone
(fs-remove-open) both open handles still read the data
(fs-remove-open) and write it, each seeing the other's writes
(fs-remove-open) a new file can take the name; old and new are apart
(fs-remove-open) the old file's sectors come back at its last close
(fs-remove-open) every sector and page came back
(fs-remove-open) end
EOF
pass;
