/* Stand-in libc header for compiling an OS file on Linux with -nostdinc; the C library is the host's. */
#ifndef UC_STANDIN_STRING_H
#define UC_STANDIN_STRING_H
#include <stddef.h>
void *memcpy(void *restrict to, const void *restrict from, size_t size);
int strcmp(const char *a, const char *b);
void *memset(void *to, int byte, size_t size);
void *memmove(void *to, const void *from, size_t size);
size_t strlen(const char *text);
#endif
