/* PACKED: lays a struct out with no padding, for hardware and on-disk
   formats whose byte offsets are fixed. */
#ifndef LIB_PACKED_H
#define LIB_PACKED_H

#define PACKED __attribute__ ((packed))

#endif /* lib/packed.h */
