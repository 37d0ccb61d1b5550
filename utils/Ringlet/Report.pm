# Ringlet::Report -- chooses which lines of a failed test's reasons a
# short report shows ("make check" verdicts, "make grade" details), so
# that every report cuts a failure the same way, and never between a
# heading and the lines it announces (a decoded call stack's frames,
# the output's last lines before a timeout).
package Ringlet::Report;

use strict;
use warnings;
use Exporter qw(import);

our @EXPORT_OK = qw(shown_reasons read_result_file);

# Headings tests/tests.pm writes before indented lines that mean
# nothing apart: the frames of a decoded call stack, the last lines of
# the output before a timeout.
my $block_heading = qr/^(?:Translation of the call stack|The last lines of the output before the timeout):$/;

# Returns the reasons of REASONS (a list reference of lines) that a
# report limited to about LIMIT lines shows, as a list reference, and
# how many lines it leaves out.  The first LIMIT lines are shown; if a
# heading of such a block is among them, the whole block is shown too,
# however far past LIMIT that goes: a heading without its lines tells
# the reader nothing.
sub shown_reasons
{
  my ($reasons, $limit) = @_;
  my $count = @$reasons < $limit ? scalar @$reasons : $limit;
  for my $i (0 .. $count - 1)
    {
      next unless $reasons->[$i] =~ $block_heading;
      my $end = $i + 1;
      $end++ while $end < @$reasons && $reasons->[$end] =~ /^\s/;
      $count = $end if $end > $count;
    }
  return ([@$reasons[0 .. $count - 1]], @$reasons - $count);
}

# Reads the result file FILE: returns its verdict (the first line, or
# undef for an empty file) and its reasons (the lines after it, without
# line ends or trailing blanks).  Returns an empty list if FILE cannot
# be read.
sub read_result_file
{
  my ($file) = @_;
  open (my $fh, '<', $file) or return;
  my ($verdict, @reasons) = map { s/\s+$//r } <$fh>;
  close $fh;
  return ($verdict, @reasons);
}

1;
