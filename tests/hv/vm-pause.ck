# -*- perl -*-
# A paused VM takes no CPU time and makes no exits; pausing it twice or
# resuming a running one is refused; once resumed, its guest goes on
# with the next step and ends with its memory intact.
use strict;
use warnings;
use tests::tests;
use tests::hv::life;
check_life ("vm-pause", [
  "(vm-pause) paused: state paused",
  "(vm-pause) while paused for 40 ticks: no CPU time, no exits",
  "(vm-pause) pausing it again: the VM is paused already",
  "(vm-pause) resumed: state running",
  "(vm-pause) resuming it again: the VM is not paused (pause it first)",
  "guest-counter: exit(0)"]);
