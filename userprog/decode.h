/* Naming the instruction behind a general-protection fault in a user
   program, for the kill message: which privileged or I/O-sensitive
   instruction it was, and why ring 3 may not run it. */
#ifndef USERPROG_DECODE_H
#define USERPROG_DECODE_H

#include <stddef.h>
#include <stdint.h>

/* Instruction bytes decode_gp looks at. */
#define DECODE_BYTES_MAX 8

void decode_gp (const uint8_t *code, size_t code_len, uint32_t error_code,
                char *buf, size_t size);

#endif /* userprog/decode.h */
