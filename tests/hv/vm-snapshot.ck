# -*- perl -*-
# A paused VM's state saved to a snapshot and restored into a new VM,
# after the first was killed: the guest's steps go on from the one
# after the last it printed, its memory intact.  A running VM cannot be
# saved.
use strict;
use warnings;
use tests::tests;
use tests::hv::life;
check_life ("vm-snapshot", [
  "(vm-snapshot) saving a running VM: the VM is not paused (pause it first)",
  "(vm-snapshot) saved the paused VM",
  "(vm-snapshot) vm killed: stopped at the host's request",
  "(vm-snapshot) restored as 'guest-counter', state created",
  "guest-counter: exit(0)"]);
