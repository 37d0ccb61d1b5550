# Ringlet::Submission -- what grading a student's tree takes from the
# pristine tree: the paths laid over every submission (the harness,
# the checks and the build files, so that a submission cannot change
# how it is built, run or judged) and the grading file of a lab.
# Shared by utils/grade-batch and the Gradescope bundle's maker.
package Ringlet::Submission;

use strict;
use warnings;
use Exporter qw(import);
use Ringlet::Build qw(fatal lab_order);

our @EXPORT_OK = qw(overlay_paths grading_file);

# Returns the paths, from the top of the tree SRCDIR, that are laid
# over each submission: the harness and the checks, the top-level
# makefiles and every lab's build files.  Only paths that exist.
sub overlay_paths
{
  my ($srcdir) = @_;
  my @paths = qw(tests utils Makefile Makefile.build Makefile.kernel Makefile.userprog
                 Make.config);
  push @paths, map { ("$_/Makefile", "$_/Make.vars") } lab_order ($srcdir);
  return grep { -e "$srcdir/$_" } @paths;
}

# Returns the grading file of LAB in the tree SRCDIR (its path from the
# top of the tree), read from the lab's Make.vars.  Exits with a
# message if there is none.
sub grading_file
{
  my ($srcdir, $lab) = @_;
  my $vars = "$srcdir/$lab/Make.vars";
  open (my $fh, '<', $vars) or fatal ("$vars: cannot read: $!");
  my ($file) = map { /^GRADING_FILE\s*=\s*\$\(SRCDIR\)\/(\S+)/ ? $1 : () } <$fh>;
  close $fh;
  fatal ("$vars names no GRADING_FILE: lab $lab cannot be graded") unless defined $file;
  return $file;
}

1;
