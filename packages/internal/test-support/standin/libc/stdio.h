/* Stand-in libc header for the test driver (compiled with -nostdinc); the C library is the host's. */
#ifndef UC_STANDIN_STDIO_H
#define UC_STANDIN_STDIO_H
int printf(const char *restrict format, ...);
#endif
