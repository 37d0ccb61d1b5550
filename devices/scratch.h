/* Reading one named file out of the ustar archive on the scratch
   partition, where the launcher's "-p FILE" puts files.  Kernels
   without a file system load modules this way.  A file's data is
   contiguous and sector-aligned in the archive, so it can also be
   located and then read and written in place, sector by sector (the
   hv's emulated disks live in such files). */
#ifndef DEVICES_SCRATCH_H
#define DEVICES_SCRATCH_H

#include <stddef.h>
#include "devices/block.h"

const char *scratch_read_file (const char *name, size_t max_size,
                               void **data, size_t *size);
const char *scratch_locate (const char *name, struct block **dev,
                            block_sector_t *first, size_t *size);

#endif /* devices/scratch.h */
