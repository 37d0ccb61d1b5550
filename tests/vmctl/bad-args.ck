# -*- perl -*-
# Bad arguments refused with a status.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(bad-args) begin
(bad-args) unknown operation: EOP
(bad-args) operation -1: EOP
(bad-args) pause VM 99: ENOVM
(bad-args) resume VM -1: ENOVM
(bad-args) kill VM 99: ENOVM
(bad-args) clone VM 99: ENOVM
(bad-args) snapshot VM 99: ENOVM
(bad-args) run a missing image: ENOENT
(bad-args) run hv.ko: EINVAL
(bad-args) ram=65: EINVAL
(bad-args) vcpus=9: EINVAL
(bad-args) weight=65536: EINVAL
(bad-args) cap=101 with 1 VCPU: EINVAL
(bad-args) paging 3: EINVAL
(bad-args) tdf=101: EINVAL
(bad-args) a 199-byte file name: EINVAL
(bad-args) restore a missing file: ENOENT
(bad-args) restore with a 199-byte name: EINVAL
(bad-args) no VM made by any of that: OK
(bad-args) end
bad-args: exit(0)
EOF
pass;
