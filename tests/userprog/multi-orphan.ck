# -*- perl -*-
# Children outlive their parent and are still freed completely.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(multi-orphan) begin
multi-orphan: exit(0)
multi-orphan: exit(0)
multi-orphan: exit(0)
multi-orphan: exit(0)
(multi-orphan) the parent exited with 0, leaving 3 children
(multi-orphan) once the children are gone, every page is free again
(multi-orphan) end
multi-orphan: exit(0)
EOF
pass;
