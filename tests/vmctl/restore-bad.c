/* A snapshot is input from outside: restore refuses one cut short and
   one with a byte changed, and a file that is no snapshot at all, each
   with the hv's reason, which reaches the caller; no VM is made and no
   page is kept.  The snapshot as saved still restores. */

#include <string.h>
#include <syscall.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vmctl/vmtest.h"

/* Bytes copied at a time. */
#define CHUNK 4096

/* Bytes the short copy lacks. */
#define SHORT_BY 24

/* Copies the first SIZE bytes of file FROM into new file TO, with the
   byte at offset FLIP (if below SIZE) inverted. */
static void
copy_file (const char *from, const char *to, int size, int flip)
{
  static char buf[CHUNK];
  int in = open (from);
  if (in < 0 || !create (to, size))
    fail ("cannot copy %s to %s", from, to);
  int out = open (to);
  for (int done = 0; done < size; )
    {
      int n = size - done < CHUNK ? size - done : CHUNK;
      if (read (in, buf, n) != n)
        fail ("short read of %s", from);
      if (flip >= done && flip < done + n)
        buf[flip - done] ^= 0xff;
      if (write (out, buf, n) != n)
        fail ("short write of %s", to);
      done += n;
    }
  close (in);
  close (out);
}

/* Restores FILE, which must be refused as damaged; says so with the
   reason given. */
static void
refuse (const char *what, const char *file)
{
  struct vmc_restore r;
  memset (&r, 0, sizeof r);
  r.file = file;
  int vm = vmctl (VMC_RESTORE, &r);
  if (vm != VMC_ECORRUPT)
    fail ("restore of %s: %s, not ECORRUPT", what, vt_status_name (vm));
  if (r.why[0] == '\0')
    fail ("restore of %s refused without a reason", what);
  msg ("%s refused: %s", what, r.why);
}

void
test_main (void)
{
  vt_insmod ();
  int vm = vt_run (VT_TICKER);
  vt_progress (vm);
  vt_expect (vmctl (VMC_PAUSE, &vm), VMC_OK, "pause");
  struct vmc_snapshot snap = { vm, "snap" };
  vt_expect (vmctl (VMC_SNAPSHOT, &snap), VMC_OK, "snapshot");
  vt_kill (vm);

  int fd = open ("snap");
  int size = filesize (fd);
  close (fd);
  copy_file ("snap", "short", size - SHORT_BY, size);
  copy_file ("snap", "flipped", size, size / 2);
  size_t before = freepages ();
  refuse ("a snapshot cut short", "short");
  refuse ("a snapshot with a byte changed", "flipped");
  refuse ("a guest image", VT_TICKER);
  CHECK (vt_free_pages (before) == before, "no page kept");

  struct vmc_restore r;
  memset (&r, 0, sizeof r);
  r.file = "snap";
  int copy = vmctl (VMC_RESTORE, &r);
  CHECK (copy >= 0, "the snapshot as saved restores");
  vt_expect (vmctl (VMC_RESUME, &copy), VMC_OK, "resume");
  vt_progress (copy);
  vt_kill (copy);
}
