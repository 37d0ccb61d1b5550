# Ringlet::Winnow -- document fingerprints by winnowing (Schleimer,
# Wilkerson and Aiken, SIGMOD 2003), for utils/similarity.  A
# document's tokens are hashed K at a time (every k-gram); in every
# window of W consecutive k-gram hashes the smallest is kept, and when
# several are equally small the one already kept stays, or else the
# rightmost (robust winnowing).  Any run of at least W + K - 1 tokens
# that two documents share then gives them a fingerprint in common, and
# no run shorter than K does.  Also: merging the matches between two
# files into regions.
package Ringlet::Winnow;

use strict;
use warnings;
use Digest::MD5 qw(md5);
use Exporter qw(import);

our @EXPORT_OK = qw(kgram_hashes winnow merge_matches);

# The k-gram hash is two polynomial rolling hashes, modulo two primes
# below 2^31 with their own bases, put side by side: a 62-bit value,
# so unrelated k-grams of different submissions hardly ever collide,
# and every intermediate product fits in a 64-bit integer.
use constant HASH_MOD_1 => 2147483647;
use constant HASH_MOD_2 => 2147483629;
use constant HASH_BASE_1 => 1000003;
use constant HASH_BASE_2 => 999983;

# A number for every token, the same in every run and for every
# document (from the token's MD5), below both moduli.
my %token_code;

# Returns the number of token TOKEN.
sub token_code
{
  my ($token) = @_;
  return $token_code{$token} //= unpack ('N', md5 ($token)) % HASH_MOD_2;
}

# Returns BASE to the power EXPONENT modulo MOD.
sub power_mod
{
  my ($base, $exponent, $mod) = @_;
  my $result = 1;
  $result = $result * $base % $mod for 1 .. $exponent;
  return $result;
}

# Returns a reference to the hashes of every K-gram of the tokens
# TOKENS (an array reference): element I is the hash of tokens I to
# I + K - 1.  Fewer than K tokens have no k-gram.
sub kgram_hashes
{
  my ($tokens, $k) = @_;
  my @codes = map { token_code ($_) } @$tokens;
  my ($h1, $h2) = (0, 0);
  my $drop1 = power_mod (HASH_BASE_1, $k - 1, HASH_MOD_1);
  my $drop2 = power_mod (HASH_BASE_2, $k - 1, HASH_MOD_2);
  my @hashes;
  for my $i (0 .. $#codes)
    {
      if ($i >= $k)
        {
          my $old = $codes[$i - $k];
          $h1 = ($h1 + HASH_MOD_1 - $old * $drop1 % HASH_MOD_1) % HASH_MOD_1;
          $h2 = ($h2 + HASH_MOD_2 - $old * $drop2 % HASH_MOD_2) % HASH_MOD_2;
        }
      $h1 = ($h1 * HASH_BASE_1 + $codes[$i]) % HASH_MOD_1;
      $h2 = ($h2 * HASH_BASE_2 + $codes[$i]) % HASH_MOD_2;
      push @hashes, $h1 * (HASH_MOD_2 + 1) + $h2 if $i >= $k - 1;
    }
  return \@hashes;
}

# Returns the index in HASHES (an array reference) of the rightmost
# smallest hash between indexes FIRST and LAST.
sub rightmost_minimum
{
  my ($hashes, $first, $last) = @_;
  my $best = $last;
  for my $i (reverse $first .. $last - 1)
    {
      $best = $i if $hashes->[$i] < $hashes->[$best];
    }
  return $best;
}

# Returns the indexes in HASHES (an array reference, from
# kgram_hashes) that robust winnowing with windows of W hashes selects,
# in increasing order.  A document with fewer than W hashes is one
# window.
sub winnow
{
  my ($hashes, $w) = @_;
  my $count = @$hashes;
  return () unless $count;
  $w = $count if $w > $count;
  my @chosen;
  my $kept = -1;
  for my $last ($w - 1 .. $count - 1)
    {
      my $first = $last - $w + 1;
      if ($kept < $first)
        {
          $kept = rightmost_minimum ($hashes, $first, $last);
          push @chosen, $kept;
        }
      elsif ($hashes->[$last] < $hashes->[$kept])
        {
          $kept = $last;
          push @chosen, $kept;
        }
    }
  return @chosen;
}

# Returns the regions in which MATCHES (a reference to an array of
# [A, B] pairs: a k-gram at token A of one file hashes as the one at
# token B of another) follow each other in both files, no more than GAP
# tokens apart.  A region is a hash: a_first, a_last, b_first, b_last
# (the first tokens of its first and last k-grams in each file) and
# count (its matches).  Regions come in the order they start in the
# first file.
sub merge_matches
{
  my ($matches, $gap) = @_;
  my %in_b;
  push @{$in_b{$_->[0]}}, $_->[1] for @$matches;
  my (@regions, @live);
  for my $pa (sort { $a <=> $b } keys %in_b)
    {
      @live = grep { $pa - $_->{a_last} <= $gap } @live;
      my %taken;
      for my $link (region_links (\@live, $pa, $in_b{$pa}, $gap))
        {
          my ($region, $pb) = @$link;
          next if $taken{$region} || $taken{"b$pb"};
          @$region{qw(a_last b_last)} = ($pa, $pb);
          $region->{count}++;
          $taken{$region} = $taken{"b$pb"} = 1;
        }
      for my $pb (grep { !$taken{"b$_"} } sort { $a <=> $b } @{$in_b{$pa}})
        {
          push @regions, { a_first => $pa, a_last => $pa, b_first => $pb, b_last => $pb,
                           count => 1 };
          push @live, $regions[-1];
        }
    }
  return drop_inner_regions (\@regions, $gap);
}

# Returns the ways the matches of token PA with the tokens in PBS (an
# array reference) can continue the regions LIVE: [region, token in B]
# pairs where the match follows the region's last one in both files by
# at most GAP tokens, those that best keep the region's diagonal (the
# offset between the files) first.
sub region_links
{
  my ($live, $pa, $pbs, $gap) = @_;
  my @links;
  for my $i (0 .. $#$live)
    {
      my $region = $live->[$i];
      for my $pb (grep { $_ > $region->{b_last} && $_ - $region->{b_last} <= $gap } @$pbs)
        {
          my $drift = abs (($pb - $pa) - ($region->{b_last} - $region->{a_last}));
          push @links, [$region, $pb, $drift, $i];
        }
    }
  return sort { $a->[2] <=> $b->[2] || $a->[3] <=> $b->[3] || $a->[1] <=> $b->[1] } @links;
}

# Returns REGIONS (from merge_matches) without those that lie, in both
# files and give or take GAP tokens, within a region with more matches:
# stray matches of repeated code inside a copied stretch.  The order is
# kept.
sub drop_inner_regions
{
  my ($regions, $gap) = @_;
  my @by_size = sort { $b->{count} <=> $a->{count} || $a->{a_first} <=> $b->{a_first}
                       || $a->{b_first} <=> $b->{b_first} } @$regions;
  my %inner;
  for my $i (0 .. $#by_size)
    {
      my $small = $by_size[$i];
      $inner{$small} = 1 if grep { !$inner{$_} && region_within ($small, $_, $gap) }
                                 @by_size[0 .. $i - 1];
    }
  return grep { !$inner{$_} } @$regions;
}

# Returns true if region INNER lies within region OUTER in both files,
# give or take SLACK tokens.
sub region_within
{
  my ($inner, $outer, $slack) = @_;
  return $inner->{a_first} >= $outer->{a_first} - $slack
         && $inner->{a_last} <= $outer->{a_last} + $slack
         && $inner->{b_first} >= $outer->{b_first} - $slack
         && $inner->{b_last} <= $outer->{b_last} + $slack;
}

1;
