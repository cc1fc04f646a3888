/* Stand-in libc header (LP64) for compiling an OS file on Linux with -nostdinc: only what the files use. */
#ifndef UC_STANDIN_STDINT_H
#define UC_STANDIN_STDINT_H
typedef int int32_t;
typedef long int64_t;
typedef unsigned char uint8_t;
typedef unsigned short uint16_t;
typedef unsigned int uint32_t;
typedef unsigned long uint64_t;
typedef unsigned long uintptr_t;
#endif
