#! /usr/bin/perl
# Tests the Gradescope autograder (make autograder) end to end on a
# small tree with one lab, "fake", whose kernel is a host program built
# from the submission's fake/code.c and whose launcher runs it: the
# bundle is made by the real make-bundle from that tree, unpacked into
# a folder laid out like Gradescope's /autograder, and its
# run_autograder grades submissions there through the real
# grade-submission, grade-batch and make-grade.  Checks the bundle's
# contents, then results.json for a good submission (a folder), a
# partial one (a zip of a folder) that also rewrites a checker, one
# that does not compile (in a folder beside an archiver's __MACOSX), a
# lone file, an empty one, a bundle whose settings are broken and one
# whose grader is missing.  A few seconds.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::RealBin/lib";
use Test::More;
use File::Temp qw(tempdir);
use FakeLab qw(write_file read_text checker);
use Gradescope qw(autograder_root run_autograder check_format check_rubric);

my $real = "$FindBin::RealBin/../..";
my $top = tempdir ('gradescope-XXXXXX', TMPDIR => 1, CLEANUP => 1);
my $src = "$top/src";
my @tests = qw(a1 a2 b1 b2 b3);

# The launcher: prints a boot transcript around what the "kernel"
# (the program built from fake/code.c) prints for the test.
my $launcher = <<'END';
#! /bin/sh
for arg; do last=$arg; done
echo "Ringlet booting with 4,096 kB RAM..."
echo "Boot complete."
echo "Executing '$last':"
./kernel.bin "$last"
echo "Execution of '$last' complete."
echo "Timer: 5 ticks"
echo "Powering off..."
END

# The lab's makefile: builds the "kernel" and the build folder.
my $lab_makefile = <<'END';
all: build/kernel.bin build/Makefile
build/kernel.bin: code.c
	mkdir -p build
	cc -o $@ code.c
	touch build/loader.bin
build/Makefile:
	mkdir -p build
	printf '%s\n' 'SRCDIR = ../..' 'PERL = perl' 'TEST_SUBDIRS = tests/fake' \
	  'GRADING_FILE = $$(SRCDIR)/tests/fake/Grading' \
	  'include $$(SRCDIR)/tests/fake/Make.tests' 'include $$(SRCDIR)/tests/Make.tests' > $@
END

# The "kernel" a student writes: prints what each test expects, except
# 45 extra lines for the tests named in BROKEN.
sub kernel_source
{
  my (@broken) = @_;
  my $checks = join ('', map { "  if (!strcmp (argv[1], \"$_\"))\n    for (int i = 0; i < 45; i++)\n"
                                  . "      printf (\"(%s) oops \\xff\\n\", argv[1]);\n" } @broken);
  return "#include <stdio.h>\n#include <string.h>\n\nint\nmain (int argc, char **argv)\n{\n"
         . "  printf (\"(%s) begin\\n\", argv[1]);\n$checks"
         . "  printf (\"(%s) end\\n\", argv[1]);\n  return argc != 2;\n}\n";
}

# Makes the pristine tree: the real harness and grading tools, the
# fake lab's checks and rubrics, and its reference code.
sub make_tree
{
  write_file ("$src/Makefile", "LABS = fake\n");
  write_file ("$src/fake/Make.vars", "GRADING_FILE = \$(SRCDIR)/tests/fake/Grading\n");
  write_file ("$src/fake/Makefile", $lab_makefile);
  write_file ("$src/fake/code.c", kernel_source ());
  system ("mkdir -p '$src/utils' '$src/tests' && cp -R '$real/utils/Ringlet' '$real/utils/autograder'"
          . " '$real/utils/grade-batch' '$real/utils/test-verdict' '$real/utils/install-deps'"
          . " '$src/utils/' && cp '$real/tests/Make.tests' '$real/tests/Make.handout'"
          . " '$real/tests/tests.pm' '$real/tests/make-grade' '$src/tests/'") == 0
    or die "copying the tools failed\n";
  write_file ("$src/utils/ringlet", $launcher, 0755);
  write_file ("$src/utils/check-layering", "exit 0\n");
  write_file ("$src/tests/fake/Make.tests",
              "tests/fake_TESTS = " . join (' ', map { "tests/fake/$_" } @tests) . "\n");
  write_file ("$src/tests/fake/$_.ck", checker ($_)) for @tests;
  write_file ("$src/tests/fake/Grading", "30%  tests/fake/Rubric.one\n70%  tests/fake/Rubric.two\n");
  write_file ("$src/tests/fake/Rubric.one", "One:\n1  a1\n2  a2\n");
  write_file ("$src/tests/fake/Rubric.two", "Two:\n1  b1\n1  b2\n1  b3\n");
}

# Copies the pristine tree to DIR as a student's tree, with the
# "kernel" that fails BROKEN.
sub student_tree
{
  my ($dir, @broken) = @_;
  system ("mkdir -p '$dir' && cp -R '$src/.' '$dir/'") == 0 or die "copy failed\n";
  write_file ("$dir/fake/code.c", kernel_source (@broken));
}

# Returns the test named NAME in RESULTS.
sub test_of
{
  my ($results, $name) = @_;
  my ($test) = grep { $_->{name} eq "tests/fake/$name" } @{$results->{tests} // []};
  return $test // {};
}

make_tree ();
my $bundle = "$top/autograder-fake.zip";
my $said = `cd '$src' && perl utils/autograder/make-bundle --lab fake -o '$bundle' -T 60 --test-jobs 2 2>&1`;
is ($? >> 8, 0, 'make-bundle makes the bundle') or diag ($said);
my @listing = `zipinfo -1 '$bundle'`;
chomp @listing;
ok ((grep { $_ eq 'setup.sh' } @listing) && (grep { $_ eq 'run_autograder' } @listing),
    'setup.sh and run_autograder are at the root of the zip');
ok ((grep { $_ eq 'ringlet/tests/fake/Rubric.two' } @listing)
    && (grep { $_ eq 'ringlet/utils/grade-batch' } @listing)
    && (grep { $_ eq 'ringlet/fake/Makefile' } @listing), 'the checks, tools and build files are in it');
ok (!grep (/code\.c$/, @listing), 'the lab\'s reference code is not');
my @modes = `zipinfo '$bundle' run_autograder setup.sh`;
is (scalar (grep { /^-rwx/ } @modes), 2, 'both scripts are executable');
my $root = autograder_root ($bundle);
like (read_text ("$root/source/autograder.conf"), qr/^lab=fake$/m, 'the bundle grades the fake lab');

# A good submission: the tree's files at the top of submission/.
student_tree ("$root/submission");
my ($status, $log, $results) = run_autograder ($root);
is ($status, 0, 'run_autograder succeeds') or diag ($log);
my $sum = check_format ($results, 'good');
is ($sum, 10000, 'the tests\' max_score add up to 100 points');
is ($results->{score}, 100, 'the good submission scores 100');
check_rubric ($results, $src, 'tests/fake/Grading', 'good');
is_deeply ([map { $_->{max_score} } @{$results->{tests}}], [10, 20, 23.34, 23.33, 23.33],
           'whole points where the rubric allows, else hundredths');
is (scalar (grep { defined $_->{execution_time} } @{$results->{tests}}), 5,
    'every test has its execution time');
like ($results->{output}, qr/^Ringlet fake lab: 5 of 5 tests passed; 100 of 100 points\.$/m,
      'the output says how it went');
like ($results->{output}, qr/^tests\/fake\/Rubric\.two\s+3\/3 /m, 'and shows the summary by test set');

# A partial submission, zipped inside a folder, whose rewritten
# checker would pass b2: the pristine one judges it.
system ("rm -rf '$root/submission'/* '$top/zip'") == 0 or die;
student_tree ("$top/zip/mine", qw(a2 b2));
write_file ("$top/zip/mine/tests/fake/b2.ck", "use tests::tests;\npass;\n");
system ("cd '$top/zip' && zip -q -r '$root/submission/mine.zip' mine") == 0 or die "zip failed\n";
($status, $log, $results) = run_autograder ($root);
is ($status, 0, 'a zipped submission is graded') or diag ($log);
is (check_format ($results, 'partial'), 10000, 'its max_score add up to 100 too');
is ($results->{score}, 56.67, 'it scores what a1, b1 and b3 are worth');
is (test_of ($results, 'a2')->{status}, 'failed', 'a2 fails');
like (test_of ($results, 'a2')->{output}, qr/\(a2\) oops \x{FFFD}/,
      'and its output shows why, a byte that is not UTF-8 replaced');
like (test_of ($results, 'a2')->{output}, qr/^\(\d+ more line\(s\) left out\)\n\z/m,
      'a long one is cut, and says so');
is (test_of ($results, 'b2')->{status}, 'failed', 'the rewritten checker is not used');
is (test_of ($results, 'b1')->{output}, '', 'a passing test has an empty output');

# A submission that does not compile, in a folder beside what an
# archiver adds.
system ("rm -rf '$root/submission'/*") == 0 or die;
student_tree ("$root/submission/mytree");
write_file ("$root/submission/mytree/fake/code.c", "this is not C;\n");
write_file ("$root/submission/__MACOSX/mytree/._code.c", "junk\n");
($status, $log, $results) = run_autograder ($root);
check_format ($results, 'broken');
is ($results->{score}, 0, 'a submission that does not build scores 0');
like ($results->{output}, qr/does not build; the compiler said:\n.*code\.c.*error/s,
      'with the compiler\'s message in the output');

# A lone file instead of a tree.
system ("rm -rf '$root/submission'/*") == 0 or die;
write_file ("$root/submission/code.c", kernel_source ());
($status, $log, $results) = run_autograder ($root);
check_format ($results, 'lone file');
like ($results->{output} // '', qr/the submission has no fake folder: submit your whole Ringlet tree/,
      'a submission without the lab\'s folder scores 0 and says why');

# An empty submission.
system ("rm -rf '$root/submission'/*") == 0 or die;
($status, $log, $results) = run_autograder ($root);
check_format ($results, 'empty');
like ($results->{output} // '', qr/could not be graded: the submission is empty/,
      'an empty submission scores 0 and says why');

# Broken settings: grading fails, results.json still says why.
student_tree ("$root/submission");
write_file ("$root/source/autograder.conf", "lab=fake\ntime_limit=soon\n");
($status, $log, $results) = run_autograder ($root);
check_format ($results, 'bad settings');
like ($results->{output} // '',
      qr/could not be graded: .*time_limit must be a positive whole number of seconds, not 'soon'/,
      'a broken setting is reported in results.json');

# No grader at all: run_autograder's own results.json.
unlink "$root/source/ringlet/utils/autograder/grade-submission" or die;
($status, $log, $results) = run_autograder ($root);
is ($results->{score}, 0, 'a grader that cannot run still leaves a results.json scoring 0');
like ($results->{output} // '', qr/failed before it could grade/, 'which says so');

done_testing ();
