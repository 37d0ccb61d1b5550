# -*- perl -*-
# A VM of two VCPUs, both writing, each on a physical CPU of its own,
# migrates whole: VCPU 0's counter goes on without a gap or a repeat
# and its memory's checksum is the one every run gets; VCPU 1's region
# holds its last pass; the old VM ends as migrated, every page comes
# back.
use strict;
use warnings;
use tests::tests;
use tests::hv::migrate;
check_migration ('migrate-smp', 'mig-pair', 80, 1,
                 'converged|stalled|round limit|sent limit', [
  '(migrate-smp) begin',
  '(mig-pair) pattern written over 256 pages',
  '(migrate-smp) migrating guest-mig-pair.bin while it runs',
  '(migrate-smp) migrated to a new VM',
  '(migrate-smp) the old VM ended as migrated to the new one',
  '(mig-pair) pattern checked after 1856 page writes, checksum 6fd37d35',
  "(mig-pair) VCPU 1's 48 pages hold its last pass's words",
  'guest-mig-pair: exit(0)',
  '(migrate-smp) every page came back',
  '(migrate-smp) pages per round add up to the pages sent; downtime '
  . 'measured, shorter than the whole',
  '(migrate-smp) end']);
