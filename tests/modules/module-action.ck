# -*- perl -*-
# The kernel actions "insmod mod-hello.ko rmmod mod-hello insmod
# mod-hello.ko" ran before the test, printing what they did (the
# module's own lines are tagged "(ktest)": no test was running yet),
# and left mod-hello loaded for the test to unload.  Of the lines
# before the test, only the module lines are compared.
use strict;
use warnings;
use tests::tests;
use tests::modules::modules;

check_expected (ALL_LINES => 1, [<<'EOF']);
(module-action) begin
(module-action) mod-hello: exit
rmmod: mod-hello: module unloaded
(module-action) module 'mod-hello' is not loaded
(module-action) end
EOF

my @output = read_output ();
my ($boot) = grep { $output[$_] eq 'Boot complete.' } 0 .. $#output;
my ($run) = grep { $output[$_] =~ /^Executing '/ } 0 .. $#output;
fail ("The output lacks 'Boot complete.' or 'Executing ...'.")
  unless defined $boot && defined $run;
my @actions = grep { /^(?:insmod|rmmod): |^\(ktest\) / }
                   @output[$boot + 1 .. $run - 1];
my $init = hello_init_lines ('ktest');
compare_output ('kernel actions', ALL_LINES => 1, \@actions, [<<"EOF"]);
${init}insmod: mod-hello.ko: module 'mod-hello' loaded
(ktest) mod-hello: exit
rmmod: mod-hello: module unloaded
${init}insmod: mod-hello.ko: module 'mod-hello' loaded
EOF
pass;
