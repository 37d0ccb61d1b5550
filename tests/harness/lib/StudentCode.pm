# StudentCode -- a small class of submissions for testing
# utils/similarity: a handout made of some of this tree's own sources,
# and students who add code of their own to it.  alice, bob and carol
# wrote theirs independently; dave copied alice's sleep queue, renamed
# its identifiers, rewrote its comments and reformatted it; erin added
# code of her own and pasted a handout file into a new place, as bob
# did.  Also where the planted copy lies in alice's and dave's files.
package StudentCode;

use strict;
use warnings;
use File::Copy qw(copy);
use File::Path qw(make_path);
use Exporter qw(import);
use FakeLab qw(write_file);

our @EXPORT_OK = qw(make_class planted_lines HANDOUT_FILES);

# The files of this tree that make the handout.
use constant HANDOUT_FILES => qw(threads/synch.c lib/kernel/list.c threads/switch.S);

# alice: a sleep queue for an alarm clock and a byte ring.
my $alice_alarm = <<'END';
/* Alarm clock: sleeping threads wait on a list kept in wake-up order. */
#include <list.h>
#include "threads/thread.h"
#include "devices/timer.h"

/* One sleeping thread. */
struct sleeper
  {
    int64_t wake_at;            /* Tick to wake up at. */
    struct thread *who;         /* The sleeping thread. */
    struct list_elem elem;      /* Element of sleep_queue. */
  };

/* Sleeping threads, soonest first. */
static struct list sleep_queue = LIST_INITIALIZER (sleep_queue);

/* Queues S behind every sleeper that wakes no later than it. */
static void
sleep_queue_add (struct sleeper *s)
{
  struct list_elem *e = list_begin (&sleep_queue);

  while (e != list_end (&sleep_queue)
         && list_entry (e, struct sleeper, elem)->wake_at <= s->wake_at)
    e = list_next (e);
  list_insert (e, &s->elem);
}

/* Blocks the running thread until timer tick TICK. */
void
alarm_sleep_until (int64_t tick)
{
  struct sleeper s;
  enum intr_level old;

  if (tick <= timer_ticks ())
    return;
  s.wake_at = tick;
  s.who = thread_current ();
  old = intr_disable ();
  sleep_queue_add (&s);
  thread_block ();
  intr_set_level (old);
}

/* Wakes every thread due at tick NOW; returns how many woke. */
int
alarm_wake_due (int64_t now)
{
  struct list_elem *e = list_begin (&sleep_queue);
  int woken = 0;

  for (; e != list_end (&sleep_queue); woken++)
    {
      struct sleeper *s = list_entry (e, struct sleeper, elem);
      if (now < s->wake_at)
        break;
      e = list_remove (e);
      thread_unblock (s->who);
    }
  return woken;
}
END

my $alice_ring = <<'END';
/* A byte queue of fixed size for the keyboard. */
#include <stdbool.h>
#include <stddef.h>

struct ring
  {
    unsigned char data[64];
    size_t head;
    size_t count;
  };

/* Adds BYTE at the tail of R; returns false if R is full. */
bool
ring_put (struct ring *r, unsigned char byte)
{
  if (r->count == sizeof r->data)
    return false;
  r->data[(r->head + r->count) % sizeof r->data] = byte;
  r->count++;
  return true;
}

/* Removes and returns the byte at the head of R, or -1 if R is empty. */
int
ring_get (struct ring *r)
{
  int byte;

  if (r->count == 0)
    return -1;
  byte = r->data[r->head];
  r->head = (r->head + 1) % sizeof r->data;
  r->count--;
  return byte;
}
END

# bob: a binary heap.
my $bob_heap = <<'END';
/* Priorities kept in a binary min-heap. */
#include <stdbool.h>
#define HEAP_MAX 128

struct heap
  {
    int keys[HEAP_MAX];
    int size;
  };

static void
heap_swap (struct heap *h, int i, int j)
{
  int t = h->keys[i];
  h->keys[i] = h->keys[j];
  h->keys[j] = t;
}

/* Inserts KEY into H; false if H is full. */
bool
heap_push (struct heap *h, int key)
{
  int i;

  if (h->size >= HEAP_MAX)
    return false;
  i = h->size++;
  h->keys[i] = key;
  while (i > 0 && h->keys[(i - 1) / 2] > h->keys[i])
    {
      heap_swap (h, i, (i - 1) / 2);
      i = (i - 1) / 2;
    }
  return true;
}

/* Removes and returns the smallest key of H, which is not empty. */
int
heap_pop (struct heap *h)
{
  int top = h->keys[0];
  int i = 0;

  h->keys[0] = h->keys[--h->size];
  for (;;)
    {
      int l = 2 * i + 1, r = l + 1, m = i;
      if (l < h->size && h->keys[l] < h->keys[m])
        m = l;
      if (r < h->size && h->keys[r] < h->keys[m])
        m = r;
      if (m == i)
        break;
      heap_swap (h, i, m);
      i = m;
    }
  return top;
}
END

# carol: splitting a command line and sizing the stack for it.
my $carol_args = <<'END';
/* Command lines: words, and the stack space a new process needs. */
#include <string.h>

/* Splits LINE in place at spaces, storing at most MAX words in ARGV.
   Returns the number of words. */
int
args_split (char *line, char *argv[], int max)
{
  int argc = 0;
  char *p = line;

  while (*p != '\0' && argc < max)
    {
      while (*p == ' ')
        *p++ = '\0';
      if (*p == '\0')
        break;
      argv[argc++] = p;
      while (*p != '\0' && *p != ' ')
        p++;
    }
  return argc;
}

/* Returns the bytes a stack needs for the ARGC words in ARGV: the
   strings, rounded up to 4, the pointers, argv and argc. */
unsigned
args_stack_size (int argc, char *argv[])
{
  unsigned bytes = 0;
  int i;

  for (i = 0; i < argc; i++)
    bytes += strlen (argv[i]) + 1;
  bytes = (bytes + 3) & ~3u;
  bytes += (argc + 1) * sizeof (char *);
  bytes += sizeof (char **) + sizeof (int) + sizeof (void *);
  return bytes;
}
END

# dave: a checksum of his own, then alice's sleep queue disguised.
my $dave_queue = <<'END';
// nap queue + checksum helper
#include <list.h>
#include "threads/thread.h"
#include "devices/timer.h"

// adler32 of LEN bytes at BUF
uint32_t sq_checksum (const uint8_t *buf, size_t len) {
  uint32_t lo = 1, hi = 0;
  size_t i;
  for (i = 0; i < len; i++) {
    lo = (lo + buf[i]) % 65521;
    hi = (hi + lo) % 65521;
  }
  return (hi << 16) | lo;
}

struct napper {
  int64_t due; struct thread *t; struct list_elem link;
};
static struct list nappers = LIST_INITIALIZER(nappers);   // everyone asleep

// keep the nap list sorted by due time
static void nq_add(struct napper *x) {
  struct list_elem *it = list_begin(&nappers);
  while (it != list_end(&nappers) && list_entry(it, struct napper, link)->due <= x->due)
    it = list_next(it);
  list_insert(it, &x->link); }

// go to sleep till DUE
void nap_until(int64_t due) {
  struct napper me; enum intr_level saved;
  if (due <= timer_ticks()) return;
  me.due = due; me.t = thread_current();
  saved = intr_disable();
  nq_add(&me);
  thread_block(); intr_set_level(saved);
}

// wake the ones whose time came
int nap_wake(int64_t tick) {
  struct list_elem *it = list_begin(&nappers); int n = 0;
  for (; it != list_end(&nappers); n++) {
    struct napper *x = list_entry(it, struct napper, link);
    if (tick < x->due) break;
    it = list_remove(it); thread_unblock(x->t);
  }
  return n;
}
END

# erin: small functions of her own.
my $erin_bits = <<'END';
/* Bit and number helpers. */

/* Returns how many bits of WORD are set. */
int
bits_count (unsigned word)
{
  int n = 0;

  while (word != 0)
    {
      word &= word - 1;
      n++;
    }
  return n;
}

/* Returns the greatest common divisor of A and B. */
unsigned
gcd (unsigned a, unsigned b)
{
  while (b != 0)
    {
      unsigned r = a % b;
      a = b;
      b = r;
    }
  return a;
}
END

# Returns the lines of the planted copy: in alice's threads/alarm.c
# and in dave's userprog/sleepq.c, each as [first, last], from the
# declaration of the sleeper's struct to the end of the wake-up loop's
# function.
sub planted_lines
{
  return ([line_of ($alice_alarm, qr/^struct sleeper$/),
           line_of ($alice_alarm, qr/^  return woken;/) + 1],
          [line_of ($dave_queue, qr/^struct napper/),
           line_of ($dave_queue, qr/^  return n;$/) + 1]);
}

# Returns the number of the first line of TEXT that matches RE.
sub line_of
{
  my ($text, $re) = @_;
  my @lines = split /\n/, $text;
  for my $i (0 .. $#lines)
    {
      return $i + 1 if $lines[$i] =~ $re;
    }
  die "no line matches $re\n";
}

# Copies the handout's files from the tree REAL into the tree TOP.
sub copy_handout
{
  my ($real, $top) = @_;
  for my $file (HANDOUT_FILES)
    {
      my ($dir) = $file =~ m{^(.*)/};
      make_path ("$top/$dir");
      copy ("$real/$file", "$top/$file") or die "$file: $!\n";
    }
}

# Writes into the folder DIR the handout (DIR/handout, from the tree
# REAL) and a folder of submissions (DIR/class) of the five students,
# each the handout plus their files; returns the two folders.
sub make_class
{
  my ($real, $dir) = @_;
  my %own = (alice => { 'threads/alarm.c' => $alice_alarm, 'devices/ring.c' => $alice_ring,
                        'tests/threads/ring-test.c' => $alice_ring },
             bob => { 'threads/heap.c' => $bob_heap },
             carol => { 'userprog/args.c' => $carol_args,
                        'tests/threads/ring-test.c' => $alice_ring,
                        'utils/ring.c' => $alice_ring },
             dave => { 'userprog/sleepq.c' => $dave_queue },
             erin => { 'threads/bits.c' => $erin_bits });
  copy_handout ($real, "$dir/handout");
  for my $name (sort keys %own)
    {
      copy_handout ($real, "$dir/class/$name");
      write_file ("$dir/class/$name/$_", $own{$name}{$_}) for keys %{$own{$name}};
    }
  for my $name (qw(bob erin))
    {
      make_path ("$dir/class/$name/vm");
      copy ("$real/lib/kernel/list.c", "$dir/class/$name/vm/lists.c") or die "list.c: $!\n";
    }
  return ("$dir/handout", "$dir/class");
}

1;
