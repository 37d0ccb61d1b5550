# -*- perl -*-
# Two VMs and the host each keep their own x87 and SSE state.  The
# VMs' lines may interleave.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF', <<'EOF']);
(fpu-isolation) begin
(fpu-isolation) x87 and SSE state stayed its own
(fpu-isolation) x87 and SSE state stayed its own
guest-fpu: exit(0)
guest-fpu: exit(0)
(fpu-isolation) the host kept its x87 state
(fpu-isolation) end
EOF
(fpu-isolation) begin
(fpu-isolation) x87 and SSE state stayed its own
guest-fpu: exit(0)
(fpu-isolation) x87 and SSE state stayed its own
guest-fpu: exit(0)
(fpu-isolation) the host kept its x87 state
(fpu-isolation) end
EOF
pass;
