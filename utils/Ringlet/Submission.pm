# Ringlet::Submission -- what the tools that take student submissions
# share: how a folder of submissions is read (each a Ringlet tree or a
# tarball of one, named after its file), where a tree starts inside
# what was submitted, how a line of their CSV tables is written, and
# what grading takes from the pristine tree: the paths laid over every
# submission (the harness, the checks and the build files, so that a
# submission cannot change how it is built, run or judged) and the
# grading file of a lab.  Used by utils/grade-batch, utils/similarity
# and the Gradescope bundle's tools (utils/autograder).
package Ringlet::Submission;

use strict;
use warnings;
use Exporter qw(import);
use File::Basename qw(basename);
use Ringlet::Build qw(fatal lab_order);

our @EXPORT_OK = qw(tarball_extension submission_name find_submissions tree_top
                    csv_field overlay_paths grading_file);

# Returns the tarball extension the file name NAME ends in (".tar",
# ".tar.gz", ".tgz", ".tar.bz2" or ".tar.xz"), or undef if NAME is not
# the name of a tarball.
sub tarball_extension
{
  my ($name) = @_;
  return $name =~ /(\.(?:tar(?:\.gz|\.bz2|\.xz)?|tgz))$/ ? $1 : undef;
}

# Returns the name of submission ENTRY (a path): its base name without
# a tarball's extension.
sub submission_name
{
  my ($entry) = @_;
  my $base = basename ($entry);
  my $extension = tarball_extension ($base);
  return defined $extension ? substr ($base, 0, -length $extension) : $base;
}

# Returns the submissions in FOLDER, sorted by name: the paths of its
# folders and tarballs.  Hidden entries and other files are not
# submissions.  Exits with a message if FOLDER is not a folder that can
# be read, or if two submissions have the same name.
sub find_submissions
{
  my ($folder) = @_;
  fatal ("$folder: no such folder") unless -d $folder;
  opendir (my $dh, $folder) or fatal ("$folder: cannot read: $!");
  my @entries = grep { -d $_ || (-f $_ && defined tarball_extension ($_)) }
                map { "$folder/$_" } sort grep { !/^\./ } readdir $dh;
  closedir $dh;
  my %seen;
  for my $name (map { submission_name ($_) } @entries)
    {
      fatal ("two submissions are named '$name'") if $seen{$name}++;
    }
  return @entries;
}

# Returns the top of the tree held in FOLDER (a submitted folder, or
# where a tarball was unpacked): FOLDER's only entry if that is a
# folder and not a symbolic link (a tree packed with its folder), else
# FOLDER itself.
sub tree_top
{
  my ($folder) = @_;
  opendir (my $dh, $folder) or return $folder;
  my @entries = grep { !/^\.\.?$/ } readdir $dh;
  closedir $dh;
  return $folder unless @entries == 1;
  my $only = "$folder/$entries[0]";
  return -d $only && !-l $only ? $only : $folder;
}

# Returns FIELD as one field of a CSV line: as it is, or, if it holds a
# comma, a double quote or a line break, between double quotes with
# its quotes doubled and its line breaks made spaces (every record
# stays on one line, for readers that go line by line).
sub csv_field
{
  my ($field) = @_;
  return $field unless $field =~ /[",\r\n]/;
  $field =~ s/"/""/g;
  $field =~ s/\r\n|[\r\n]/ /g;
  return qq("$field");
}

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
