# Ringlet::Autograder -- the settings of a Gradescope autograder bundle
# (autograder.conf): which there are, their defaults, and the values
# each accepts.  Shared by utils/autograder/make-bundle, which writes
# them, and utils/autograder/grade-submission, which reads them.
package Ringlet::Autograder;

use strict;
use warnings;
use Exporter qw(import);

our @EXPORT_OK = qw(setting_names setting_defaults setting_problem);

# The settings, in the order autograder.conf lists them.
my @names = qw(lab time_limit test_jobs simulator visibility stdout_visibility);

# Their defaults; the lab has none.
my %defaults = (lab => undef, time_limit => 900, test_jobs => 1, simulator => '--qemu',
                visibility => 'visible', stdout_visibility => 'hidden');

# What each accepts (the lab: see the tree's LABS), and how to say it.
my $visibility = [qr/^(?:hidden|after_due_date|after_published|visible)$/,
                  'hidden, after_due_date, after_published or visible'];
my %valid = (time_limit => [qr/^[1-9]\d*$/, 'a positive whole number of seconds'],
             test_jobs => [qr/^[1-9]\d*$/, 'a positive whole number'],
             simulator => [qr/^--(?:qemu|bochs)$/, '--qemu or --bochs'],
             visibility => $visibility, stdout_visibility => $visibility);

# Returns the names of the settings, in order.
sub setting_names
{
  return @names;
}

# Returns the defaults of the settings, as a hash list.
sub setting_defaults
{
  return %defaults;
}

# Returns why VALUE is not a valid value of the setting KEY, or undef if
# it is (any lab name is; the caller checks it against the tree).
sub setting_problem
{
  my ($key, $value) = @_;
  return "unknown setting '$key'" unless exists $defaults{$key};
  my ($pattern, $text) = @{$valid{$key} // [qr/./, 'not empty']};
  return "$key must be $text, not '$value'" unless $value =~ $pattern;
  return undef;
}

1;
