# -*- perl -*-
# The 8259A PIC pair: nothing before initialisation; vector bases and
# masks; IRR and ISR through OCW3 (the slave's request on the master's
# line 2); the PIT's, keyboard controller's, UART's, RTC's and IDE
# disk's interrupts on their vectors; masked requests held, none lost;
# priority, set and rotated; in-service blocking, specific and
# non-specific EOI, the cascade in service; special mask mode;
# automatic EOI; the poll command; the guest's IF.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(vdev-pic) begin
(vdev-pic) uninitialised, IRQ 1 and 4 raised: none
(vdev-pic) IRQ 1 and 4 high through initialisation: none
(vdev-pic) after initialisation: IRR 0x00 0x00, ISR 0x00 0x00
(vdev-pic) masks read back: master 0xa5, slave 0x5a
(vdev-pic) IRQ 4 raised again: 4
(vdev-pic) IRQ 0: 1 interrupt(s), vector 0x28
(vdev-pic) IRQ 1: 1 interrupt(s), vector 0x29
(vdev-pic) IRQ 4: 1 interrupt(s), vector 0x2c
(vdev-pic) IRQ 8: 1 interrupt(s), vector 0x20
(vdev-pic) IRQ 14: 1 interrupt(s), vector 0x26
(vdev-pic) IRQ 4 requested: IRR 0x10 0x00, ISR 0x00 0x00
(vdev-pic) taken: 4
(vdev-pic) IRQ 4 in service: IRR 0x00 0x00, ISR 0x10 0x00
(vdev-pic) after EOI: IRR 0x00 0x00, ISR 0x00 0x00
(vdev-pic) IRQ 8 requested: IRR 0x04 0x01, ISR 0x00 0x00
(vdev-pic) taken: 8
(vdev-pic) IRQ 8 in service: IRR 0x00 0x00, ISR 0x04 0x01
(vdev-pic) after EOI at both: IRR 0x00 0x00, ISR 0x00 0x00
(vdev-pic) IRQ 0 raised, IF clear, a timer interrupt pending: IRR 0x01; taken: 0
(vdev-pic) IRQ 4 raised, 2 ticks with IF clear: 0 interrupts; after STI: 4
(vdev-pic) IRQ 0, 1, 4 and 8 masked and raised: none
(vdev-pic) masked: IRR 0x13 0x01, ISR 0x00 0x00
(vdev-pic) IRQ 0, 1 and 4 unmasked: 0 1 4
(vdev-pic) IRQ 8 unmasked: 8
(vdev-pic) raised 4 14 1 8 0: 0 1 8 14 4
(vdev-pic) master's line 1 lowest, raised 0 1 4 8: 8 4 0 1
(vdev-pic) master's line 3 lowest, raised 0 1 4 8: 4 0 1 8
(vdev-pic) slave's line 0 lowest, raised 14 8: 14 8
(vdev-pic) line 7 lowest again, raised 4 1: 1 4
(vdev-pic) rotating EOI: 1
(vdev-pic) after IRQ 1's rotating EOI, raised 0 4: 4 0
(vdev-pic) taken: 0
(vdev-pic) after a rotating specific EOI of line 0: IRR 0x00 0x00, ISR 0x00 0x00
(vdev-pic) line 0 lowest, raised 1 0: 1 0
(vdev-pic) taken: 1
(vdev-pic) IRQ 1 in service, raised 4: none
(vdev-pic) raised 0: 0
(vdev-pic) IRQ 0 and 1 in service: IRR 0x10 0x00, ISR 0x03 0x00
(vdev-pic) after a specific EOI of line 1: IRR 0x10 0x00, ISR 0x01 0x00
(vdev-pic) IRQ 0 in service: none
(vdev-pic) after a non-specific EOI: 4
(vdev-pic) IRQ 4 in service, raised 1: 1
(vdev-pic) after a non-specific EOI: IRR 0x00 0x00, ISR 0x10 0x00
(vdev-pic) taken: 8
(vdev-pic) IRQ 8 in service, raised 14 4: none
(vdev-pic) after the slave's EOI (master's line 2 in service): none
(vdev-pic) after the master's EOI: 14
(vdev-pic) IRQ 14 in service: IRR 0x10 0x00, ISR 0x04 0x40
(vdev-pic) after IRQ 14's EOI: 4
(vdev-pic) after EOIs: IRR 0x00 0x00, ISR 0x00 0x00
(vdev-pic) taken: 1
(vdev-pic) special mask mode, IRQ 1 in service and masked, raised 4: 4
(vdev-pic) special mask mode off, raised 4: none
(vdev-pic) after IRQ 1's EOI: 4
(vdev-pic) after EOIs: IRR 0x00 0x00, ISR 0x00 0x00
(vdev-pic) automatic EOI, no EOI sent: 4
(vdev-pic) then: IRR 0x00 0x00, ISR 0x00 0x00
(vdev-pic) raised 4 again: 4
(vdev-pic) rotation on: 1
(vdev-pic) raised 0 4: 4 0
(vdev-pic) raised 4 1, polled: IRR 0x10 0x00, ISR 0x02 0x00
(vdev-pic) EOI, polled: IRR 0x00 0x00, ISR 0x10 0x00
(vdev-pic) polls: 0x81, 0x00 while IRQ 1 is in service, 0x84 after its EOI, 0x00 after IRQ 4's
(vdev-pic) raised 14, polls of master and slave: 0x82 0x86
(vdev-pic) then: IRR 0x00 0x00, ISR 0x04 0x40
(vdev-pic) nothing taken as interrupts: none
(vdev-pic) after EOIs: IRR 0x00 0x00, ISR 0x00 0x00
vdev-pic: exit(0)
(vdev-pic) end
EOF
pass;
