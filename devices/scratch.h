/* Reading one named file out of the ustar archive on the scratch
   partition, where the launcher's "-p FILE" puts files.  Kernels
   without a file system load modules this way. */
#ifndef DEVICES_SCRATCH_H
#define DEVICES_SCRATCH_H

#include <stddef.h>

const char *scratch_read_file (const char *name, size_t max_size,
                               void **data, size_t *size);

#endif /* devices/scratch.h */
