# -*- perl -*-
# mod-hello loads, reports what its relocations computed, and unloads
# without leaking a page.
use strict;
use warnings;
use tests::tests;
use tests::modules::modules;

my $init = hello_init_lines ('module-load');
check_expected (ALL_LINES => 1, [<<"EOF"]);
(module-load) begin
${init}insmod: mod-hello.ko: module 'mod-hello' loaded
(module-load) module 'mod-hello' is loaded
(module-load) mod-hello: exit
rmmod: mod-hello: module unloaded
(module-load) module 'mod-hello' is not loaded
(module-load) no page leaked
(module-load) end
EOF
pass;
