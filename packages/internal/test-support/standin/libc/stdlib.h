/* Stand-in libc header for compiling an OS file on Linux with -nostdinc; the C library is the host's. */
#ifndef UC_STANDIN_STDLIB_H
#define UC_STANDIN_STDLIB_H
#include <stddef.h>
void *malloc(size_t size);
void free(void *pointer);
void abort(void);
/* The fake kernel's malloc, which fails when the scenario says so. */
void *uc_fake_malloc(size_t size);
#define malloc(size) uc_fake_malloc(size)
#endif
