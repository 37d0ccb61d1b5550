# -*- perl -*-
# The guest's debug registers read back what it wrote, but no
# watchpoint is armed for it (no #DB), and a second VM after one that
# left a watchpoint enabled runs normally (QEMU 7.2 died here with
# SIGSEGV before the hv intercepted debug-register accesses).
use strict;
use warnings;
use tests::tests;

my $run = <<'EOF';
(debug-regs) DR7 at start: 0x400
(debug-regs) DR7 after rewriting: 0x300400
(debug-regs) DR0 reads back the watched address: yes
(debug-regs) DR7 after arming: 0xd0401
(debug-regs) #DB traps after writing the watched word: 0
debug-regs: exit(0)
EOF

# The first VM, started by "vmrun" before the test proper, prints the
# same lines, in order.
my @output = read_output ();
my $at = 0;
for my $line (split /\n/, $run)
  {
    $at++ while $at < @output && $output[$at] ne $line;
    fail ("first VM: missing line: $line") if $at == @output;
  }
check_expected (["(debug-regs) begin\n$run(debug-regs) end\n"]);
pass;
