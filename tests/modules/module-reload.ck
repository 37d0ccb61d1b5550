# -*- perl -*-
# mod-hello loads twice over, each time a fresh copy (its load count
# reads 1 both times), and nothing leaks.
use strict;
use warnings;
use tests::tests;
use tests::modules::modules;

my $init = hello_init_lines ('module-reload');
check_expected (ALL_LINES => 1, [<<"EOF"]);
(module-reload) begin
(module-reload) round 1
${init}insmod: mod-hello.ko: module 'mod-hello' loaded
(module-reload) module 'mod-hello' is loaded
(module-reload) mod-hello: exit
rmmod: mod-hello: module unloaded
(module-reload) module 'mod-hello' is not loaded
(module-reload) round 2
${init}insmod: mod-hello.ko: module 'mod-hello' loaded
(module-reload) module 'mod-hello' is loaded
(module-reload) mod-hello: exit
rmmod: mod-hello: module unloaded
(module-reload) module 'mod-hello' is not loaded
(module-reload) no page leaked
(module-reload) end
EOF
pass;
