# -*- perl -*-
# The counter guest migrated twice, the second time out of the VM the
# first migration made: its counter and memory come through both, and
# once the last VM is gone every page has come back.
use strict;
use warnings;
use tests::tests;
use tests::hv::migrate;
check_migration ('migrate-leak', 'mig-counter', 50, 2, 'converged', [
  '(migrate-leak) begin',
  '(mig-counter) pattern written over 256 pages',
  '(migrate-leak) migrating guest-mig-counter.bin while it runs',
  '(migrate-leak) migrated to a new VM',
  '(migrate-leak) the old VM ended as migrated to the new one',
  '(migrate-leak) migrating guest-mig-counter.bin while it runs',
  '(migrate-leak) migrated to a new VM',
  '(migrate-leak) the old VM ended as migrated to the new one',
  '(mig-counter) pattern checked after 1256 page writes, checksum 16e98a65',
  'guest-mig-counter: exit(0)',
  '(migrate-leak) every page came back',
  '(migrate-leak) end']);
