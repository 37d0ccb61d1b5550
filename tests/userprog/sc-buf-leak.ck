# -*- perl -*-
# Thirty children each make one read or write with a bad buffer: every
# one is killed (exit -1) and the free-page count ends where it began.
use strict;
use warnings;
use tests::tests;

my $killed = "child-bad-buf: exit(-1)\n";
my $expected = "(sc-buf-leak) begin\n" . $killed;
for my $kind (qw(read-null read-code write-null write-kernel write-unmapped))
  {
    $expected .= $killed x 6;
    $expected .= "(sc-buf-leak) $kind: 6 of 6 children killed\n";
  }
$expected .= "(sc-buf-leak) free pages: as many as before\n"
  . "(sc-buf-leak) end\n"
  . "sc-buf-leak: exit(0)\n";
check_expected ([$expected]);
pass;
