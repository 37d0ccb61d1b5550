# -*- perl -*-
# Every SVM instruction in the guest gets #UD.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(exit-svm-insn) begin
(exit-svm-insn) vmrun: #UD
(exit-svm-insn) vmload: #UD
(exit-svm-insn) vmsave: #UD
(exit-svm-insn) stgi: #UD
(exit-svm-insn) clgi: #UD
(exit-svm-insn) skinit: #UD
(exit-svm-insn) invlpga: #UD
exit-svm-insn: exit(0)
(exit-svm-insn) end
EOF
pass;
