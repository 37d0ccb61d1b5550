#! /usr/bin/perl
# Tests utils/similarity: that renaming, reformatting and new comments
# do not change a piece of code's tokens; that winnowing leaves a
# fingerprint in every window; and, on a small class made from this
# tree's own sources (tests/harness/lib/StudentCode.pm), that the
# planted copy ranks first with its line ranges, that code shared only
# through the handout, tests/ or utils/ is not reported, that
# independent students score nothing, that tarballs read as folders
# do, and that bad input gets the documented message and exit status.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::RealBin/lib", "$FindBin::RealBin/../../utils";
use Test::More;
use File::Temp qw(tempdir);
use FakeLab qw(write_file read_text);
use StudentCode qw(make_class planted_lines);
use Ringlet::Tokens qw(source_tokens);
use Ringlet::Winnow qw(kgram_hashes winnow merge_matches);

my $real = "$FindBin::RealBin/../..";
my $tool = "$real/utils/similarity";
my $dir = tempdir ('similarity-XXXXXX', TMPDIR => 1, CLEANUP => 1);

# Runs the tool with ARGS; returns its output, its errors and its exit
# status.
sub similarity
{
  my (@args) = @_;
  my $command = join (' ', $^X, $tool, map { "'$_'" } @args);
  system ("$command > '$dir/out' 2> '$dir/err'");
  return (read_text ("$dir/out"), read_text ("$dir/err"), $? >> 8);
}

# A pair's line in a text report: rank, names, shared, percentages.
my $pair_re = qr{^\d+\. (\S+ ~ \S+): (\d+) shared fingerprints }
              . qr{\(([\d.]+)% of \S+, ([\d.]+)% of \S+\)$};

# Returns the pairs of text REPORT: "A ~ B" => [shared, percent of A,
# percent of B, the regions' lines], in the report's order as a list
# of names too.
sub pairs_of
{
  my ($report) = @_;
  my (%pairs, @order, $last);
  for my $line (split /\n/, $report)
    {
      if ($line =~ $pair_re)
        {
          $last = $pairs{$1} = [$2, $3, $4, []];
          push @order, $1;
        }
      elsif ($line =~ /^   (\S+)  ~  (\S+)  \(\d+\)$/ && $last)
        {
          push @{$last->[3]}, [$1, $2];
        }
    }
  return (\%pairs, \@order);
}

# Returns true if the range "PATH:FIRST-LAST" RANGE is in file PATH and
# lies within PLANTED ([first, last]), starting and ending no more than
# 4 lines inside it: winnowing with a window of 10 puts a fingerprint
# within 9 tokens of each end of a shared stretch, and 9 tokens span at
# most 4 lines at the ends of the planted copy.
sub covers
{
  my ($range, $path, $planted) = @_;
  my ($file, $first, $last) = $range =~ /^(.*):(\d+)-(\d+)$/ or return 0;
  return $file eq $path && $first >= $planted->[0] && $first <= $planted->[0] + 4
         && $last <= $planted->[1] && $last >= $planted->[1] - 4;
}

subtest 'tokens ignore names, layout, comments and literal values' => sub {
  my ($one) = source_tokens ("int f (int x) { return x + 1; /* one */ }\n");
  my ($two) = source_tokens ("// renamed\nint\ng(int count)\n{\n  return count+42;\n}\n");
  my ($three) = source_tokens ("int f (int x) { return x - 1; }\n");
  is ("@$one", "@$two", 'renamed, reformatted and recommented: the same tokens');
  is ("@$one", 'int ID ( int ID ) { return ID + NUM ; }',
      'keywords kept, names and numbers classed');
  isnt ("@$one", "@$three", 'a different operator: different tokens');
  my ($strings) = source_tokens (qq{puts ("a, b"); c = 'x';\n});
  is ("@$strings", 'ID ( STR ) ; ID = NUM ;', 'strings one class, characters numbers');
  my ($tokens, $lines) = source_tokens ("a /* two\nlines */ b\n#define C \"x\\\ny\"\nd\n");
  is ("@$tokens", 'ID ID # define ID STR ID', 'a directive is kept');
  is ("@$lines", '1 2 3 3 3 3 5', 'each token keeps its line');
  my ($asm) = source_tokens ("# a comment\n#include \"x.h\"\nloop:  movl 4(%ESP), %eax # if ever\n"
                             . "\tmovb \$'a, %al\n\tjmp loop\n.globl start\n", 1);
  is ("@$asm", '# include STR ID : movl NUM ( %esp ) , %eax movb $ NUM , %al jmp ID .globl ID',
      'assembler: comments go, mnemonics, registers and directives stay, labels classed');
};

subtest 'winnowing leaves a fingerprint in every window' => sub {
  my @tokens = map { ('a', 'b', 'c', 'd', 'e')[($_ * 7 + $_ * $_) % 5] } 1 .. 300;
  my $hashes = kgram_hashes (\@tokens, 5);
  is (scalar @$hashes, 296, 'one hash per 5-gram');
  my @chosen = winnow ($hashes, 4);
  ok (@chosen && @chosen < @$hashes, 'some hashes are chosen, not all');
  my @gaps = grep { $chosen[$_] - $chosen[$_ - 1] > 4 } 1 .. $#chosen;
  ok (!@gaps && $chosen[0] < 4 && $chosen[-1] > $#$hashes - 4, 'no window of 4 without one');
  my %at = map { $_ => 1 } @chosen;
  my $windows_ok = 1;
  for my $last (3 .. $#$hashes)
    {
      my ($min) = sort { $a <=> $b } @$hashes[$last - 3 .. $last];
      $windows_ok = 0 unless grep { $at{$_} && $hashes->[$_] == $min } $last - 3 .. $last;
    }
  ok ($windows_ok, "every window's smallest hash is chosen");
  my $again = kgram_hashes ([@tokens[100 .. 140]], 5);
  is ($again->[0], $hashes->[100], 'a k-gram hashes the same wherever it stands');
};

subtest 'matches merge into regions; a region keeps to its diagonal, strays inside it go' => sub {
  my @matches = ((map { [$_ * 5, $_ * 5] } 0 .. 20), [50, 20], [105, 101], [105, 105],
                 (map { [300 + $_ * 5, 500 + $_ * 5] } 0 .. 8));
  my @regions = map { "$_->{a_first}-$_->{a_last}~$_->{b_first}-$_->{b_last}:$_->{count}" }
                merge_matches ([reverse @matches], 12);
  is ("@regions", '0-105~0-105:22 300-340~500-540:9',
      'two regions, each along its diagonal; the strays left out');
};

my ($handout, $class) = make_class ($real, $dir);
my ($alice_copy, $dave_copy) = planted_lines ();

subtest 'the planted copy ranks first, with its line ranges' => sub {
  my ($out, $err, $status) = similarity ('--handout', $handout, '--min-share', 0, $class);
  is ($status, 0, 'exit status 0') or diag $err;
  is ($err, '', 'nothing on stderr');
  my ($pairs, $order) = pairs_of ($out);
  is ($order->[0], 'alice ~ dave', 'alice ~ dave first') or diag $out;
  my $copy = $pairs->{'alice ~ dave'} // [0, 0, 0, []];
  cmp_ok ($copy->[0], '>=', 20, 'they share at least 20 fingerprints');
  cmp_ok ($copy->[2], '>=', 50, 'over half of what dave wrote');
  my @found = grep { covers ($_->[0], 'alice/threads/alarm.c', $alice_copy)
                     && covers ($_->[1], 'dave/userprog/sleepq.c', $dave_copy) } @{$copy->[3]};
  ok (@found, "a region that spans alice's lines @$alice_copy and dave's @$dave_copy")
    or diag $out;
  my @others = grep { $_ ne 'alice ~ dave' } @$order;
  my @high = grep { $pairs->{$_}[1] >= 5 || $pairs->{$_}[2] >= 5 } @others;
  is ("@high", '', 'no other pair shares 5% of a side');
  is ((grep { /erin/ } @$order), 0, 'erin, who shares only handout code, is not reported');
  unlike ($out, qr{/(?:tests|utils)/}, 'code under tests/ and utils/ is not read');
  my ($again) = similarity ('--handout', $handout, '--min-share', 0, $class);
  is ($again, $out, 'the same report twice');
};

subtest 'without the handout, all share its code, unless common code is left out' => sub {
  my ($out, $err, $status) = similarity ('--most', 100, $class);
  is ($status, 0, 'exit status 0');
  my ($pairs, $ranked) = pairs_of ($out);
  is (scalar keys %$pairs, 10, 'every pair is reported');
  is ($ranked->[0], 'alice ~ dave', 'the copy first: it shares the most, not the most of one side');
  cmp_ok ($pairs->{'bob ~ erin'}[2] // 0, '>=', 80, "most of erin's code is shared with bob");
  ($out, $err, $status) = similarity ('--common', 2, $class);
  is ($status, 0, '--common 2: exit status 0');
  like ($out, qr{^left out: \d+ fingerprints found in more than 2 submissions$}m, '... says so');
  my ($rare, $order) = pairs_of ($out);
  is ("@$order", 'alice ~ dave', 'code all five hold is left out: only the copy is reported');
};

subtest 'tarballs read as folders, CSV says the same' => sub {
  my ($folders) = similarity ('--handout', $handout, $class);
  system ("tar -czf '$dir/handout.tar.gz' -C '$dir' handout") == 0 or die "tar\n";
  system ("tar -cjf '$class/bob.tar.bz2' -C '$class' bob && rm -rf '$class/bob'") == 0
    or die "tar\n";
  my ($packed, $err, $status) = similarity ('--handout', "$dir/handout.tar.gz", $class);
  is ($status, 0, 'exit status 0') or diag $err;
  is ($packed =~ s/\n.*//sr,
      "similarity: 5 submissions, k 20, window 10, handout $dir/handout.tar.gz",
      'five submissions, one a tarball');
  is ($packed =~ s/^.*\n//r, $folders =~ s/^.*\n//r, 'the same pairs and regions');
  my ($csv) = similarity ('--handout', $handout, '--csv', $class);
  my @rows = split /\n/, $csv;
  is ($rows[0], 'rank,submission_a,submission_b,shared,percent_a,percent_b,'
      . 'file_a,lines_a,file_b,lines_b,matches', 'CSV header');
  my $copy_row = qr{^1,alice,dave,\d+,[\d.]+,[\d.]+,alice/threads/alarm\.c,\d+-\d+,}
                 . qr{dave/userprog/sleepq\.c,\d+-\d+,\d+$};
  like ($rows[1] // '', qr{$copy_row}, 'CSV: the copy first');
};

subtest 'bad input: a clear message and the documented status' => sub {
  my ($out, $err, $status) = similarity ("$dir/none");
  is ($status, 1, 'no such folder: status 1');
  like ($err, qr{^similarity: \Q$dir\E/none: no such folder$}m, '... and says so');
  ($out, $err, $status) = similarity ('--handout', "$dir/none", $class);
  is ($status, 1, 'no such handout: status 1');
  like ($err, qr{none: no such handout}, '... and says so');
  ($out, $err, $status) = similarity ('--frobnicate', $class);
  is ($status, 2, 'unknown option: status 2');
  ($out, $err, $status) = similarity ('-k', 0, $class);
  is ($status, 2, '-k 0: status 2');
  write_file ("$class/frank.tar.gz", "this is not a tarball\n");
  write_file ("$class/carol/threads/blob.c", "int x;\0\1\2\n");
  ($out, $err, $status) = similarity ('--handout', $handout, $class);
  is ($status, 3, 'a bad tarball and a binary file: status 3');
  like ($err, qr{frank\.tar\.gz: cannot unpack: .*: skipped}, 'the tarball is named');
  like ($err, qr{carol/threads/blob\.c: binary \(it holds NUL bytes\): skipped},
        'the binary file is named');
  like ($out, qr{^1\. alice ~ dave: }m, 'the report is still written');
  unlink "$class/frank.tar.gz", "$class/carol/threads/blob.c";
  ($out, $err, $status) = similarity ('--handout', $handout, '--max-size', 2000, $class);
  is ($status, 3, 'files over --max-size: status 3');
  like ($err, qr{alice/threads/synch\.c: larger than 2000 bytes \(\d+\): skipped},
        'each is named');
  my $lonely = tempdir ('lonely-XXXXXX', DIR => $dir);
  write_file ("$lonely/solo/threads/a.c", "int a;\n");
  ($out, $err, $status) = similarity ($lonely);
  is ($status, 1, 'one submission: status 1');
  like ($err, qr{fewer than two submissions}, '... and says so');
  ($out, $err, $status) = similarity ('--help');
  is ($status, 0, '--help: status 0');
  like ($out, qr{^Exit status: 0 }m, '--help documents the exit status');
};

done_testing ();
