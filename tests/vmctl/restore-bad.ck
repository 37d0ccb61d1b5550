# -*- perl -*-
# Damaged snapshots refused with a reason.
use strict;
use warnings;
use tests::tests;
use tests::vmctl::vmctl;
my @core = vmctl_core_output ();
my @reasons;
for (@core)
  {
    if (/^(\(restore-bad\) .* refused): (.+)$/)
      {
        push @reasons, $2;
        $_ = "$1: REASON";
      }
  }
check_vmctl_lines (<<'EOF', \@core);
(restore-bad) begin
(restore-bad) pause: OK
(restore-bad) snapshot: OK
(restore-bad) a snapshot cut short refused: REASON
(restore-bad) a snapshot with a byte changed refused: REASON
(restore-bad) a guest image refused: REASON
(restore-bad) no page kept
(restore-bad) the snapshot as saved restores
(restore-bad) resume: OK
(restore-bad) end
restore-bad: exit(0)
EOF
fail ("The reason for the short snapshot does not say it was cut short: $reasons[0].")
  unless $reasons[0] =~ /truncated|ends early|short/;
fail ("The reason for the changed byte does not name a checksum: $reasons[1].")
  unless $reasons[1] =~ /checksum|damaged/;
fail ("The reason for the guest image does not say it is no snapshot: $reasons[2].")
  unless $reasons[2] =~ /not a snapshot/;
my @before = counts_between (\@core, undef, '(restore-bad) pause: OK');
my @after = counts_between (\@core, '(restore-bad) resume: OK', undef);
fail ("The restored guest printed nothing.") unless @after;
check_consecutive ('Across the snapshot', @before, @after);
pass;
