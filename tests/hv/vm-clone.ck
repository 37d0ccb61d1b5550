# -*- perl -*-
# A clone of a paused VM runs beside it: from the clone on, both print
# every later step once, and both end with the same memory.
use strict;
use warnings;
use tests::tests;
use tests::hv::life;
check_life ("vm-clone", [
  "(vm-clone) cloning a running VM: the VM is not paused (pause it first)",
  "(vm-clone) clone 'guest-counter+', state created",
  "guest-counter+: exit(0)",
  "guest-counter: exit(0)"], "clone 'guest-counter+', state created");
