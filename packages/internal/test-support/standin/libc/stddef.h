/* Stand-in libc header for compiling an OS file on Linux with -nostdinc: only what the files use. */
#ifndef UC_STANDIN_STDDEF_H
#define UC_STANDIN_STDDEF_H
typedef __SIZE_TYPE__ size_t;
#define NULL                   ((void *)0)
#define offsetof(type, member) __builtin_offsetof(type, member)
#endif
