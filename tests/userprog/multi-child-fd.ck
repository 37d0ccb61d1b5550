# -*- perl -*-
# A child closing its parent's descriptor number closes nothing of
# the parent's (or the kernel kills the child): the parent's file
# stays open and readable.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF', <<'EOF']);
(multi-child-fd) begin
(multi-child-fd) open sample.txt
(multi-child-fd) exec child-close with the descriptor
(child-close) close my parent's descriptor
(child-close) end
child-close: exit(0)
(multi-child-fd) child-close exited with 0
(multi-child-fd) "sample.txt" holds the expected 334 bytes
(multi-child-fd) end
multi-child-fd: exit(0)
EOF
(multi-child-fd) begin
(multi-child-fd) open sample.txt
(multi-child-fd) exec child-close with the descriptor
(child-close) close my parent's descriptor
child-close: exit(-1)
(multi-child-fd) child-close exited with -1
(multi-child-fd) "sample.txt" holds the expected 334 bytes
(multi-child-fd) end
multi-child-fd: exit(0)
EOF
pass;
