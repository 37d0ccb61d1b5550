/* Partitions: finding the partitions of a disk and offering each as
   a block device of its own. */
#ifndef DEVICES_PARTITION_H
#define DEVICES_PARTITION_H

struct block;

void partition_scan (struct block *);

#endif /* devices/partition.h */
