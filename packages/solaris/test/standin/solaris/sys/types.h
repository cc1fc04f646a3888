/* Stand-in of illumos's <sys/types.h> (LP64): only what the OS file and its headers use. */
#ifndef UC_STANDIN_SYS_TYPES_H
#define UC_STANDIN_SYS_TYPES_H
#include <stdint.h>
typedef int pid_t;
typedef unsigned int uid_t;
typedef uid_t gid_t;
typedef long ssize_t;
/* The caller's own id (visible with __EXTENSIONS__). */
#define P_MYID (-1)
#endif
