# -*- perl -*-
# Checks that ticks advanced while spinning and while sleeping.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(timer-tick) begin
(timer-tick) spinning: at least 10 ticks passed, never backward
(timer-tick) timer_sleep (5): at least 5 ticks passed
(timer-tick) end
EOF
pass;
