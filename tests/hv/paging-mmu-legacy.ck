# -*- perl -*-
# The MMU as a guest with 2-level tables sees it (paging-mmu.inc): accessed and
# dirty bits, page faults with their error codes and CR2, CR0.WP,
# INVLPG of small and large pages, CR3 reloads, control registers read
# back.  The same lines under nested and under shadow paging.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(paging-mmu-legacy) begin
(paging-mmu-legacy) paging on: CR0, CR3 and CR4 read back as written
(paging-mmu-legacy) accessed bit set by a read (0x61616161), dirty bit by a write
(paging-mmu-legacy) read of an unmapped page: #PF error 0, CR2 0x40001000; mapped, it reads 0x62626262
(paging-mmu-legacy) write to a read-only page: #PF error 0x3; made writable, the write went through: yes
(paging-mmu-legacy) CR0.WP clear: the kernel wrote a read-only page; set again: #PF
(paging-mmu-legacy) remapped: after INVLPG it reads 'B', after a CR3 reload 'A'
(paging-mmu-legacy) 4 MiB page: reads 'A', accessed and dirty bits in its directory entry
(paging-mmu-legacy) large page unmapped, INVLPG of another address in it: #PF
(paging-mmu-legacy) paging off again after 4 page faults
paging-mmu-legacy: exit(0)
(paging-mmu-legacy) end
EOF
pass;
