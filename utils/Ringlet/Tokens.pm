# Ringlet::Tokens -- turns C and GNU assembler source text into the
# normalised tokens that utils/similarity compares.  Comments and white
# space go; every identifier becomes one token, every number (and
# character constant) another, every string a third; keywords,
# preprocessor directives, punctuation, and in assembly the mnemonics,
# directives and registers stay as written.  Renaming and reformatting
# therefore leave the tokens of a piece of code unchanged.  Each token
# keeps the line it starts on.
package Ringlet::Tokens;

use strict;
use warnings;
use Exporter qw(import);

our @EXPORT_OK = qw(source_tokens TOKEN_IDENT TOKEN_NUMBER TOKEN_STRING);

# The classes that stand for every identifier, number and string.
use constant TOKEN_IDENT => 'ID';
use constant TOKEN_NUMBER => 'NUM';
use constant TOKEN_STRING => 'STR';

# C's keywords (C11) and the GNU spellings found in kernel code: these
# carry a program's structure, so they are kept.
my %c_keyword = map { $_ => 1 } qw(
  auto break case char const continue default do double else enum extern
  float for goto if inline int long register restrict return short signed
  sizeof static struct switch typedef union unsigned void volatile while
  _Alignas _Alignof _Atomic _Bool _Complex _Generic _Imaginary _Noreturn
  _Static_assert _Thread_local asm __asm__ __attribute__ __inline__
  __volatile__ __typeof__ typeof __builtin_offsetof __builtin_va_arg
  __extension__ __restrict);

# Operators and punctuators of more than one character, longest first.
my $long_punct = qr{>>=|<<=|\.\.\.|->|\+\+|--|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%&|^]=|\#\#};

# The preprocessor directives a "#" at the start of an assembler line may
# begin; any other "#" there starts a comment.
my $cpp_directive =
  qr{(?:include|define|undef|ifn?def|if|elif|else|endif|error|warning|pragma|line)\b};

# A word: an identifier or keyword in C; in assembly also a directive,
# a local label (".L3") or a symbol with dots in it.
my $c_word = qr{[A-Za-z_\$][\w\$]*};
my $asm_word = qr{\.?[A-Za-z_][\w\$.]*};

# Scanner state while a file is read: the tokens so far (TEXT and LINE,
# parallel arrays), the current line, whether only white space has been
# seen on the line, and whether the next word starts an assembler
# statement.
sub new_scan
{
  my ($asm) = @_;
  return { text => [], line => [], at => 1, line_start => 1, statement => 1,
           asm => $asm };
}

# Adds token TOKEN to SCAN at the current line.
sub emit
{
  my ($scan, $token) = @_;
  push @{$scan->{text}}, $token;
  push @{$scan->{line}}, $scan->{at};
  $scan->{line_start} = 0;
}

# Advances SCAN's line count by the line breaks in STRING.
sub count_lines
{
  my ($scan, $string) = @_;
  $scan->{at} += ($string =~ tr/\n//);
}

# The scanner's helpers below work on the package variable $text, the
# source being read, so that each continues where the last one's \G
# match stopped (pos).

# Skips white space or a line break at pos(TEXT); returns true if it
# skipped any.
sub skip_space
{
  my ($scan) = @_;
  our $text;
  if ($text =~ /\G\n/gc)
    {
      $scan->{at}++;
      @$scan{qw(line_start statement)} = (1, 1);
      return 1;
    }
  return 0 unless $text =~ /\G(?:[ \t\f\r\v]+|\\\r?\n)/gc;
  count_lines ($scan, substr ($text, $-[0], $+[0] - $-[0]));
  return 1;
}

# Skips a comment at pos(TEXT); returns true if there was one.  In
# assembly, '#' starts a comment that runs to the line's end, unless
# it begins a line with a preprocessor directive.
sub skip_comment
{
  my ($scan) = @_;
  our $text;
  if ($text =~ m{\G/\*(.*?)(?:\*/|\z)}gcs)
    {
      count_lines ($scan, $1);
      return 1;
    }
  return 1 if $text =~ m{\G//[^\n]*}gc;
  return 0 unless $scan->{asm};
  my $comment = $scan->{line_start} ? qr/#(?![ \t]*$cpp_directive)[^\n]*/ : qr/#[^\n]*/;
  return $text =~ /\G$comment/gc ? 1 : 0;
}

# Reads one word (identifier, keyword, directive, register) at pos(TEXT)
# into SCAN; returns true if there was one.
sub scan_word
{
  my ($scan) = @_;
  our $text;
  if ($scan->{line_start} && $text =~ /\G#[ \t]*($cpp_directive)/gc)
    {
      emit ($scan, '#');
      emit ($scan, $1);
      return 1;
    }
  if ($scan->{asm} && $text =~ /\G%[A-Za-z]\w*/gc)
    {
      emit ($scan, lc substr ($text, $-[0], $+[0] - $-[0]));
      return 1;
    }
  my $word_re = $scan->{asm} ? $asm_word : $c_word;
  return 0 unless $text =~ /\G($word_re)/gc;
  my $word = $1;
  my $label = $text =~ /\G(?=[ \t]*:(?!:))/;
  if (!$scan->{asm})
    {
      emit ($scan, $c_keyword{$word} ? $word : TOKEN_IDENT);
    }
  elsif (!$label && ($scan->{statement} || $word =~ /^\./))
    {
      emit ($scan, lc $word);       # a mnemonic or an assembler directive
    }
  else
    {
      emit ($scan, TOKEN_IDENT);    # a label or a symbol
    }
  $scan->{statement} = 0 unless $label;
  return 1;
}

# Reads one literal (number, character constant, string) at pos(TEXT)
# into SCAN; returns true if there was one.  The assembler's character
# constant is one character after a quote, the closing quote optional.
sub scan_literal
{
  my ($scan) = @_;
  our $text;
  if ($text =~ /\G\.?\d(?:[eEpP][-+]|[\w.])*/gc)
    {
      emit ($scan, TOKEN_NUMBER);
    }
  elsif ($scan->{asm} ? $text =~ /\G'(?:\\.|[^\\\n])'?/gc : $text =~ /\G'(?:[^'\\\n]|\\.)*'?/gc)
    {
      emit ($scan, TOKEN_NUMBER);
    }
  elsif ($text =~ /\G"((?:[^"\\\n]|\\.)*)"?/gcs)
    {
      emit ($scan, TOKEN_STRING);
      count_lines ($scan, $1);
    }
  else
    {
      return 0;
    }
  return 1;
}

# Returns the tokens of SOURCE, the text of a C file, or of a GNU
# assembler file if ASM is true, as two array references of the same
# length: the tokens and the line each one starts on (from 1).
sub source_tokens
{
  my ($source, $asm) = @_;
  my $scan = new_scan ($asm);
  local our $text = $source;
  pos ($text) = 0;
  while (pos ($text) < length $text)
    {
      next if skip_space ($scan) || skip_comment ($scan)
              || scan_word ($scan) || scan_literal ($scan);
      $text =~ /\G(?:$long_punct|.)/gcs;
      my $punct = substr ($text, $-[0], $+[0] - $-[0]);
      emit ($scan, $punct);
      $scan->{statement} = 1 if $asm && $punct eq ';';
    }
  return ($scan->{text}, $scan->{line});
}

1;
