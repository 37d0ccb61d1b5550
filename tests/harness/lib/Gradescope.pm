# Gradescope -- what the harness tests of the Gradescope autograder
# share: a folder laid out the way Gradescope lays out /autograder
# (the bundle unpacked in source/, the submission in submission/,
# results/), running the bundle's run_autograder there, and checking a
# results.json against Gradescope's documented format.
package Gradescope;

use strict;
use warnings;
use File::Path qw(make_path);
use File::Temp qw(tempdir);
use JSON::PP;
use Test::More;
use Exporter qw(import);
use FakeLab qw(read_text);

our @EXPORT_OK = qw(autograder_root run_autograder check_format is_number check_rubric);

# Returns a new folder laid out like Gradescope's /autograder for the
# bundle BUNDLE (a zip): the bundle unpacked into source/, its
# run_autograder copied to the top (as Gradescope does), and empty
# submission/ and results/ folders.
sub autograder_root
{
  my ($bundle) = @_;
  my $root = tempdir ('autograder-XXXXXX', TMPDIR => 1, CLEANUP => 1);
  make_path ("$root/source", "$root/submission", "$root/results");
  system ("unzip -q '$bundle' -d '$root/source'") == 0 or die "unzip of $bundle failed\n";
  system ("cp '$root/source/run_autograder' '$root/run_autograder'") == 0
    or die "the bundle has no run_autograder\n";
  return $root;
}

# Runs ROOT's run_autograder from ROOT with AUTOGRADER_ROOT set to it;
# returns its exit status, its output (stdout and stderr) and the
# decoded results.json (undef if there is none, or it is not JSON in
# valid UTF-8).
sub run_autograder
{
  my ($root) = @_;
  unlink "$root/results/results.json";
  local $ENV{AUTOGRADER_ROOT} = $root;
  my $log = `cd '$root' && ./run_autograder 2>&1`;
  my $status = $? >> 8;
  my $results;
  my $text = read_text ("$root/results/results.json");
  $results = eval { JSON::PP->new->utf8->decode ($text) } if length $text;
  return ($status, $log, $results);
}

# Returns true if VALUE is a JSON number (not a string, not null).
sub is_number
{
  my ($value) = @_;
  return 0 unless defined $value && !ref $value;
  return JSON::PP->new->allow_nonref->encode ($value) =~ /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/;
}

# Checks, as tests named after WHAT, that RESULTS (decoded results.json)
# follows Gradescope's format: a numeric score and execution_time, a
# string output, valid visibilities, and tests each with a string
# name, numeric score and max_score (0 <= score <= max_score, score
# whole or in hundredths), a status "passed" (full score) or "failed"
# (none), a string output and a visibility.  Returns the sum of the
# tests' max_score, in hundredths.
sub check_format
{
  my ($results, $what) = @_;
  my $visibility = qr/^(?:hidden|after_due_date|after_published|visible)$/;
  ok (ref $results eq 'HASH', "$what: results.json is a JSON object") or return 0;
  ok (is_number ($results->{score}), "$what: a numeric score");
  ok (is_number ($results->{execution_time}) && $results->{execution_time} =~ /^\d+$/,
      "$what: execution_time in whole seconds");
  ok (defined $results->{output} && !ref $results->{output}, "$what: a top-level output");
  like ($results->{visibility} // '', $visibility, "$what: a valid visibility");
  like ($results->{stdout_visibility} // '', $visibility, "$what: a valid stdout_visibility");
  ok (ref $results->{tests} eq 'ARRAY', "$what: a list of tests") or return 0;
  my ($bad, $sum, $earned) = (0, 0, 0);
  for my $test (@{$results->{tests}})
    {
      my $max = $test->{max_score};
      my $score = $test->{score};
      my $good = defined $test->{name} && !ref $test->{name} && length $test->{name}
        && is_number ($score) && is_number ($max) && $score >= 0 && $score <= $max
        && "$max" =~ /^\d+(?:\.\d\d?)?$/
        && ($test->{status} // '') =~ /^(?:passed|failed)$/
        && ($test->{status} eq 'passed' ? $score == $max : $score == 0)
        && defined $test->{output} && !ref $test->{output}
        && ($test->{visibility} // '') =~ $visibility
        && (!exists $test->{execution_time} || is_number ($test->{execution_time}));
      diag ("$what: malformed test " . JSON::PP->new->canonical->encode ($test)) unless $good;
      $bad++ unless $good;
      $sum += int ($max * 100 + 0.5);
      $earned += int ($score * 100 + 0.5);
    }
  is ($bad, 0, "$what: every test has a name, scores, status, output and visibility");
  is ($earned, int (($results->{score} // 0) * 100 + 0.5),
      "$what: the score is the sum of the tests' scores");
  return $sum;
}

# Checks, as tests named after WHAT, that the tests of RESULTS are
# exactly those of the rubrics that the Grading file GRADING (a path
# from the top of the tree SRCDIR) names, in their order, and that the
# max_score of each rubric's tests add up to its weight (the weights
# add up to 100).
sub check_rubric
{
  my ($results, $srcdir, $grading, $what) = @_;
  my (@names, @weights, %set_of);
  for my $line (grep { /^\s*\d/ } split /\n/, read_text ("$srcdir/$grading"))
    {
      my ($weight, $rubric) = $line =~ /^\s*([\d.]+)%\s+(\S+)/ or next;
      push @weights, $weight;
      (my $folder = $rubric) =~ s{/[^/]*$}{};
      for (grep { /^\s*[\d.]+\s+\S+\s*$/ } split /\n/, read_text ("$srcdir/$rubric"))
        {
          my ($test) = /(\S+)\s*$/;
          push @names, "$folder/$test";
          $set_of{"$folder/$test"} = $#weights;
        }
    }
  is_deeply ([map { $_->{name} } @{$results->{tests}}], \@names,
             "$what: one entry per test of the rubrics, in their order");
  my @sums = map { 0 } @weights;
  $sums[$set_of{$_->{name}} // 0] += int ($_->{max_score} * 100 + 0.5) for @{$results->{tests}};
  is_deeply (\@sums, [map { $_ * 100 } @weights], "$what: each rubric's max_score add up to its weight");
}

1;
