/* Headers of the ustar ("POSIX.1-1988 tar") archive format, used on
   the scratch disk to move files into and out of the simulator. */
#ifndef LIB_USTAR_H
#define LIB_USTAR_H

#include <stdbool.h>

/* Size of a header, and of the blocks file data is padded to. */
#define USTAR_BLOCK_SIZE 512

/* Kinds of archive member we understand. */
enum ustar_type
  {
    USTAR_REGULAR = '0',        /* Ordinary file. */
    USTAR_DIRECTORY = '5',      /* Directory. */
    USTAR_EOF = -1              /* End of archive: an all-zero block. */
  };

bool ustar_make_header (const char *file_name, enum ustar_type,
                        int size, char header[USTAR_BLOCK_SIZE]);
const char *ustar_parse_header (const char header[USTAR_BLOCK_SIZE],
                                const char **file_name,
                                enum ustar_type *, int *size);

#endif /* lib/ustar.h */
