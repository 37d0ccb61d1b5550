# -*- perl -*-
# A second load of mod-hello while it is loaded is refused before its
# init runs again; the first copy still unloads, and nothing leaks.
use strict;
use warnings;
use tests::tests;
use tests::modules::modules;

my $init = hello_init_lines ('module-twice');
check_expected (ALL_LINES => 1, [<<"EOF"]);
(module-twice) begin
${init}insmod: mod-hello.ko: module 'mod-hello' loaded
(module-twice) module 'mod-hello' is loaded
insmod: mod-hello.ko: module 'mod-hello' is already loaded
(module-twice) insmod mod-hello.ko was refused; the kernel runs on
(module-twice) no page leaked
(module-twice) mod-hello: exit
rmmod: mod-hello: module unloaded
(module-twice) module 'mod-hello' is not loaded
(module-twice) no page leaked
(module-twice) end
EOF
pass;
