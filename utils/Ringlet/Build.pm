# Ringlet::Build -- small helpers shared by the tools in utils/: finding
# a lab's build products (kernel.bin, kernel.o, loader.bin) and
# reporting errors the same way in every tool.
package Ringlet::Build;

use strict;
use warnings;
use File::Basename qw(basename);
use Exporter qw(import);
use Getopt::Long qw(:config no_ignore_case bundling);

our @EXPORT_OK = qw(find_build_file fatal complain usage_error tool_name split_kernel_args
                    parse_options lab_order);

# Returns the name the running tool was started under ("ringlet",
# "pintos", "backtrace", ...), for messages.
sub tool_name
{
  return basename ($0);
}

# Prints MESSAGE prefixed with the tool's name to stderr.
sub complain
{
  my ($message) = @_;
  print STDERR tool_name () . ": $message\n";
}

# Prints MESSAGE like complain() and exits with status 1.
sub fatal
{
  complain (@_);
  exit 1;
}

# Prints MESSAGE and a hint about -h to stderr and exits with status 2,
# the conventional status for a bad command line.
sub usage_error
{
  my ($message) = @_;
  my $name = tool_name ();
  print STDERR "$name: $message\nTry '$name -h' for help.\n";
  exit 2;
}

# Parses the command line in @ARGV with Getopt::Long by SPEC (option
# specifications and where to store each), exiting with a usage error
# that names the problem if it is bad.
sub parse_options
{
  my (@spec) = @_;
  my @problems;
  local $SIG{__WARN__} = sub { push @problems, $_[0] };
  return if Getopt::Long::GetOptions (@spec);
  my $problem = @problems ? $problems[0] : "invalid command line\n";
  chomp $problem;
  usage_error (lcfirst $problem);
}

# Returns the path of build product NAME (e.g. "kernel.bin").  If
# EXPLICIT is defined it is used as given; otherwise NAME is looked for
# in the current folder and then in ./build, as a lab's folder and its
# build folder are the two places students run the tools from.  Exits
# with a clear message if the file is not found.
sub find_build_file
{
  my ($name, $explicit) = @_;
  if (defined $explicit)
    {
      fatal ("$explicit: no such file") unless -f $explicit;
      return $explicit;
    }
  for my $candidate ($name, "build/$name")
    {
      return $candidate if -f $candidate;
    }
  fatal ("cannot find $name in the current folder or in ./build "
         . "(run 'make' in the lab folder, or name the file explicitly)");
}

# Removes from the list ARGS (a reference to a command line) the first
# "--" and everything after it, and returns what followed it: the
# kernel arguments.  Options may then be parsed in any order without
# taking kernel arguments for them.
sub split_kernel_args
{
  my ($args) = @_;
  for my $i (0 .. $#$args)
    {
      next unless $args->[$i] eq '--';
      my @kernel = @$args[$i + 1 .. $#$args];
      splice @$args, $i;
      return @kernel;
    }
  return ();
}

# Returns the labs of the tree SRCDIR in the order students do them:
# LABS of its top-level Makefile.  Exits with a message if there is no
# such line.
sub lab_order
{
  my ($srcdir) = @_;
  my $makefile = "$srcdir/Makefile";
  open (my $fh, '<', $makefile) or fatal ("$makefile: cannot read: $!");
  my ($labs) = map { /^LABS\s*=\s*(.*?)\s*$/ ? $1 : () } <$fh>;
  close $fh;
  fatal ("$makefile has no 'LABS = ...' line: cannot tell the labs' order")
    unless defined $labs && $labs =~ /\S/;
  return split ' ', $labs;
}

1;
