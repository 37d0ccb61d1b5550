# tests::filesys::kernel::fstest -- what the checkers of the kernel-level
# file-system tests share: the byte pattern and hash the kernel side
# computes (fstest.c), the kernel's hex-dump format, reading host files,
# and picking out the output of the kernel actions that run before and
# after the test itself.
package tests::filesys::kernel::fstest;

use strict;
use warnings;
use File::Basename qw(dirname);
use Cwd qw(abs_path);
use Exporter qw(import);
use tests::tests;

our @EXPORT = qw(fs_source_file fs_slurp fs_pattern fs_hash fs_hex_dump
                 fs_lines_before_run fs_lines_after_run fs_check_actions
                 fs_check_boot_says);

# Returns the path of FILE in this folder of the source tree.
sub fs_source_file
{
  my ($file) = @_;
  return dirname (abs_path (__FILE__)) . "/$file";
}

# Returns the bytes of FILE, failing the test if it cannot be read.
sub fs_slurp
{
  my ($file) = @_;
  open (my $fh, '<:raw', $file) or fail ("Cannot read $file: $!");
  local $/;
  my $data = <$fh> // '';
  close $fh;
  return $data;
}

# Returns SIZE bytes of the pattern for SEED: fstest_byte() of
# fstest.c, the top byte of the offset times 2654435761, xor SEED.
sub fs_pattern
{
  my ($size, $seed) = @_;
  return pack ('C*', map { ((($_ * 2654435761) % 4294967296) >> 24) ^ $seed }
                     0 .. $size - 1);
}

# Returns the FNV-1a hash of DATA as 8 hex digits, as fstest_hash().
sub fs_hash
{
  my ($data) = @_;
  my $hash = 2166136261;
  for my $byte (unpack ('C*', $data))
    {
      $hash = (($hash ^ $byte) * 16777619) % 4294967296;
    }
  return sprintf ('%08x', $hash);
}

# Returns the lines the kernel's hex_dump() prints for DATA with its
# characters shown, offsets from 0.
sub fs_hex_dump
{
  my ($data) = @_;
  my @lines;
  for (my $ofs = 0; $ofs < length $data; $ofs += 16)
    {
      my @bytes = unpack ('C*', substr ($data, $ofs, 16));
      my $n = @bytes;
      my $hex = join ('', map { ($_ == 0 ? '' : $_ == 8 && $_ < $n ? '-' : ' ')
                                . ($_ < $n ? sprintf ('%02x', $bytes[$_]) : '  ') } 0 .. 15);
      my $chars = join ('', map { $_ >= 0x20 && $_ < 0x7f ? chr : '.' } @bytes);
      push @lines, sprintf ('%08x  %s  |%-16s|', $ofs, $hex, $chars);
    }
  return @lines;
}

# Returns the lines of OUTPUT between "Boot complete." and the test's
# "Executing '...':" line: what the actions before the test printed.
sub fs_lines_before_run
{
  my (@output) = @_;
  my ($boot) = grep { $output[$_] eq 'Boot complete.' } 0 .. $#output;
  my ($run) = grep { $output[$_] =~ /^Executing '.*':$/ } 0 .. $#output;
  fail ("The output has no 'Boot complete.' and 'Executing' lines.")
    unless defined $boot && defined $run && $boot < $run;
  return @output[$boot + 1 .. $run - 1];
}

# Returns the lines of OUTPUT between the test's "Execution of '...'
# complete." line and the kernel's "Timer: N ticks" line: what the
# actions after the test printed.
sub fs_lines_after_run
{
  my (@output) = @_;
  my ($done) = grep { $output[$_] =~ /^Execution of '.*' complete\.$/ } 0 .. $#output;
  my ($timer) = grep { $output[$_] =~ /^Timer: \d+ ticks$/ } 0 .. $#output;
  fail ("The output has no 'Execution of ... complete.' and 'Timer:' lines.")
    unless defined $done && defined $timer && $done < $timer;
  return @output[$done + 1 .. $timer - 1];
}

# Checks the output of a run whose kernel actions before and after the
# test printed exactly BEFORE and AFTER (multi-line strings), and whose
# test printed CORE, comparing every line (kernel messages too).
sub fs_check_actions
{
  my ($before, $core, $after) = @_;
  my @output = read_output ();
  common_checks ('run', @output);
  compare_output ('actions before the test', ALL_LINES => 1,
                  [fs_lines_before_run (@output)], [$before]);
  compare_output ('run', ALL_LINES => 1, [get_core_output ('run', @output)], [$core]);
  compare_output ('actions after the test', ALL_LINES => 1,
                  [fs_lines_after_run (@output)], [$after]);
}

# Fails the test unless the kernel printed each of LINES, in order,
# while booting: before its "Boot complete." line.
sub fs_check_boot_says
{
  my (@lines) = @_;
  my @output = read_output ();
  my ($boot) = grep { $output[$_] eq 'Boot complete.' } 0 .. $#output;
  fail ("The kernel did not finish booting: no 'Boot complete.' line.")
    unless defined $boot;
  my $at = 0;
  for my $line (@lines)
    {
      $at++ while $at < $boot && $output[$at] ne $line;
      fail ("While booting, the kernel did not print this line (or not in this order):",
            "  $line")
        unless $at < $boot;
      $at++;
    }
}

1;
