/* Stand-in libc header for the test driver (compiled with -nostdinc); the C library is the host's. */
#ifndef UC_STANDIN_STDIO_H
#define UC_STANDIN_STDIO_H
#include <stddef.h>
int printf(const char *restrict format, ...);
int snprintf(char *restrict to, size_t size, const char *restrict format, ...);
#endif
