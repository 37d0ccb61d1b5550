#! /usr/bin/perl
# Tests which labs utils/mkhandout takes out: the named labs and every
# later one (in the order of LABS in the top-level Makefile) by
# default, only the named ones with --keep-later; that its output says
# what it did; that unknown labs are refused.  First on a small tree
# with one fence per lab, then on this tree: the threads handout must
# hold no reference line of any lab's fences.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::RealBin/lib";
use Test::More;
use File::Copy qw(copy);
use File::Temp qw(tempdir);
use FakeLab qw(write_file read_text);

my $real = "$FindBin::RealBin/../..";
my @fenced = qw(threads userprog vm hv sched);

# Makes a tree with LABS and one fenced file per lab of @fenced, and a
# copy of mkhandout; returns its top.
sub small_tree
{
  my $top = tempdir ('handout-XXXXXX', TMPDIR => 1, CLEANUP => 1);
  write_file ("$top/Makefile", "LABS = threads filesys userprog vm hv sched\n");
  for my $lab (@fenced)
    {
      write_file ("$top/$lab/code.c", <<"END");
int outside_$lab = 1;
/* LAB $lab: part */
int reference_$lab = 2;
/* STUB:
int stub_$lab = 0;
*/
/* END LAB */
END
    }
  write_file ("$top/utils/mkhandout", "");
  symlink ("$real/utils/Ringlet", "$top/utils/Ringlet") or die "Ringlet: $!\n";
  copy ("$real/utils/mkhandout", "$top/utils/mkhandout") or die "copy: $!\n";
  chmod 0755, "$top/utils/mkhandout";
  return $top;
}

# Runs mkhandout of tree TOP with ARGS into a new folder; returns its
# output, exit status and the folder.
sub mkhandout
{
  my ($top, @args) = @_;
  my $out = tempdir ('out-XXXXXX', TMPDIR => 1, CLEANUP => 1) . '/handout';
  my $command = join (' ', "$top/utils/mkhandout", '-o', $out, map { "'$_'" } @args);
  my $output = `$command 2>&1`;
  return ($output, $? >> 8, $out);
}

# Returns, for the handout OUT, the labs whose code.c kept the
# reference code, as a string.
sub kept_labs
{
  my ($out) = @_;
  my @kept;
  for my $lab (@fenced)
    {
      my $text = read_text ("$out/$lab/code.c");
      return "($lab/code.c missing)" if $text eq "";
      my $reference = $text =~ /reference_$lab/ ? 1 : 0;
      my $stub = $text =~ /stub_$lab/ ? 1 : 0;
      return "($lab has both or neither)" unless $reference xor $stub;
      return "($lab lost its outside code)" unless $text =~ /outside_$lab/;
      push @kept, $lab if $reference;
    }
  return "@kept";
}

my $top = small_tree ();

my ($said, $status, $out) = mkhandout ($top, 'threads');
is ($status, 0, 'mkhandout threads succeeds');
is (kept_labs ($out), '', 'a threads handout takes out every later lab');
like ($said, qr/^mkhandout: threads: 1 fence\(s\) replaced by their stubs$/m, 'it says so for threads');
like ($said, qr/^mkhandout: $_ \(a later lab\): 1 fence\(s\) replaced by their stubs$/m,
      "and for the later lab $_") for qw(userprog vm hv sched);

($said, $status, $out) = mkhandout ($top, '--keep-later', 'threads');
is (kept_labs ($out), 'userprog vm hv sched', '--keep-later takes out only the named lab');
like ($said, qr/^mkhandout: vm \(a later lab, kept by --keep-later\): 1 fence\(s\) kept/m,
      'and says which later labs it kept');

($said, $status, $out) = mkhandout ($top, 'hv');
is (kept_labs ($out), 'threads userprog vm', 'an hv handout keeps the earlier labs only');
like ($said, qr/^mkhandout: vm \(an earlier lab\): 1 fence\(s\) kept/m, 'and says so');

($said, $status, $out) = mkhandout ($top, 'sched');
is (kept_labs ($out), 'threads userprog vm hv', 'the last lab takes out only itself');

($said, $status, $out) = mkhandout ($top, 'filesys');
is ($status, 0, 'a lab without fences is accepted');
like ($said, qr/^mkhandout: filesys: no fences: nothing to take out$/m, 'and said to have none');
is (kept_labs ($out), 'threads', 'a filesys handout takes out the labs after it');

($said, $status, $out) = mkhandout ($top, 'vm', 'threads');
is (kept_labs ($out), '', 'several labs: everything from the first of them');

($said, $status, $out) = mkhandout ($top, 'thread');
isnt ($status, 0, 'a lab not in LABS is refused');
like ($said, qr/'thread' is not a lab/, 'with a message');
ok (!-e $out, 'and no handout is written');

write_file ("$top/extra/odd.c", "/* LAB quantum: part */\nint q;\n/* END LAB */\n");
($said, $status, $out) = mkhandout ($top, 'sched');
isnt ($status, 0, 'a fence of a lab not in LABS is an error');
like ($said, qr{extra/odd\.c:1: fence of lab 'quantum'}, 'naming its file and line');
ok (!-e $out, 'and no half-written handout is left');

# This tree: collect each fence's reference lines that appear nowhere
# else in its file, and look for them in a threads handout.
my @sources = grep { /\.(?:c|h|S)$/ } split /\n/, `cd '$real' && git ls-files`;
my %reference;
for my $file (@sources)
  {
    open (my $fh, '<', "$real/$file") or next;
    my @lines = <$fh>;
    close $fh;
    my ($in, %inside, %outside) = ('');
    for my $line (@lines)
      {
        if ($line =~ m{^\s*/\* LAB ([a-z][a-z0-9-]*): }) { $in = 'ref'; next }
        if ($line =~ m{^\s*/\* END LAB \*/}) { $in = ''; next }
        if ($in && $line =~ m{^\s*/\* STUB:}) { $in = 'stub'; next }
        my $key = $line =~ s/^\s+|\s+$//gr;
        next if length $key < 12;
        if ($in eq 'ref') { $inside{$key} = 1 } else { $outside{$key} = 1 }
      }
    my @unique = grep { !$outside{$_} } sort keys %inside;
    $reference{$file} = \@unique if @unique;
  }
ok (keys %reference >= 5, 'this tree has fenced reference code in several files');
ok ((grep { m{^hv/} } keys %reference) && (grep { m{^vm/} } keys %reference),
    'among them the vm and hv labs');
($said, $status, $out) = mkhandout ($real, 'threads');
is ($status, 0, 'mkhandout threads succeeds on this tree');
my @leaks;
for my $file (sort keys %reference)
  {
    open (my $fh, '<', "$out/$file") or do { push @leaks, "$file: missing"; next };
    my %handout = map { (s/^\s+|\s+$//gr => 1) } <$fh>;
    close $fh;
    push @leaks, map { "$file: $_" } grep { $handout{$_} } @{$reference{$file}};
  }
is_deeply (\@leaks, [], 'the threads handout holds no reference line of any lab');

done_testing ();
