# -*- perl -*-
# The MMU as a guest with PAE tables sees it (paging-mmu.inc): accessed and
# dirty bits, page faults with their error codes and CR2, CR0.WP,
# INVLPG of small and large pages, CR3 reloads, control registers read
# back.  The same lines under nested and under shadow paging.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(paging-mmu-pae) begin
(paging-mmu-pae) paging on: CR0, CR3 and CR4 read back as written
(paging-mmu-pae) accessed bit set by a read (0x61616161), dirty bit by a write
(paging-mmu-pae) read of an unmapped page: #PF error 0, CR2 0x40001000; mapped, it reads 0x62626262
(paging-mmu-pae) write to a read-only page: #PF error 0x3; made writable, the write went through: yes
(paging-mmu-pae) CR0.WP clear: the kernel wrote a read-only page; set again: #PF
(paging-mmu-pae) remapped: after INVLPG it reads 'B', after a CR3 reload 'A'
(paging-mmu-pae) 2 MiB page: reads 'A', accessed and dirty bits in its directory entry
(paging-mmu-pae) large page unmapped, INVLPG of another address in it: #PF
(paging-mmu-pae) paging off again after 4 page faults
paging-mmu-pae: exit(0)
(paging-mmu-pae) end
EOF
pass;
