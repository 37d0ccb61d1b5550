# -*- perl -*-
# The counter guest, migrated once while it runs: its counter goes on
# without a gap or a repeat, its memory comes through whole (the
# checksum of its pattern is the one every run gets), the old VM ends
# as migrated, the new one exits normally, every page comes back, and
# pre-copy converged after two rounds or more.
use strict;
use warnings;
use tests::tests;
use tests::hv::migrate;
check_migration ('migrate-live', 'mig-counter', 50, 1, 'converged', [
  '(migrate-live) begin',
  '(mig-counter) pattern written over 256 pages',
  '(migrate-live) migrating guest-mig-counter.bin while it runs',
  '(migrate-live) migrated to a new VM',
  '(migrate-live) the old VM ended as migrated to the new one',
  '(mig-counter) pattern checked after 1256 page writes, checksum 16e98a65',
  'guest-mig-counter: exit(0)',
  '(migrate-live) every page came back',
  '(migrate-live) pages per round add up to the pages sent; downtime '
  . 'measured, shorter than the whole',
  '(migrate-live) stop rule: converged',
  '(migrate-live) two rounds or more: yes',
  '(migrate-live) end']);
