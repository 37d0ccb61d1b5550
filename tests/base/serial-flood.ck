# -*- perl -*-
# Checks that every character of the flood arrived, in order: line N
# is its number and 64 characters of the alphabet from character N on.
use strict;
use warnings;
use tests::tests;

my $alphabet = join ('', 'A' .. 'Z', 'a' .. 'z', '0' .. '9');
my @expected = ('(serial-flood) begin');
for my $i (0 .. 99)
  {
    my $pattern = '';
    $pattern .= substr ($alphabet, ($i + $_) % length ($alphabet), 1)
      for 0 .. 63;
    push (@expected, sprintf ('(serial-flood) %04d %s', $i, $pattern));
  }
push (@expected, '(serial-flood) end');
check_expected ([join ('', map ("$_\n", @expected))]);
pass;
