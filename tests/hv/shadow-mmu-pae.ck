# -*- perl -*-
# Guest test paging-mmu-pae's guest under shadow paging (hv/shadow.c): the same
# lines as under nested paging.
use strict;
use warnings;
use tests::tests;
use tests::hv::shadow;
check_shadowed ('shadow-mmu-pae', <<'EOF');
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
EOF
pass;
