# -*- perl -*-
# A guest that dirties its memory faster than the migration sends it
# migrates all the same: pre-copy stops by the stop rule without
# converging (stalled, the round limit or the sent limit), the rest
# goes in stop-and-copy, and the guest's counter and its memory come
# through whole.
use strict;
use warnings;
use tests::tests;
use tests::hv::migrate;
check_migration ('migrate-hot', 'mig-hot', 48, 1,
                 'stalled|round limit|sent limit', [
  '(migrate-hot) begin',
  '(migrate-hot) migrating guest-mig-hot.bin while it runs',
  '(migrate-hot) migrated to a new VM',
  '(migrate-hot) the old VM ended as migrated to the new one',
  "(mig-hot) every page holds the last pass's words",
  'guest-mig-hot: exit(0)',
  '(migrate-hot) every page came back',
  '(migrate-hot) pages per round add up to the pages sent; downtime '
  . 'measured, shorter than the whole',
  '(migrate-hot) pre-copy stopped without converging: yes',
  '(migrate-hot) end']);
