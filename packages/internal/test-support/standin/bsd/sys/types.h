/* Stand-in of the 4.4BSD family's <sys/types.h> (FreeBSD, DragonFly, NetBSD, OpenBSD, macOS; LP64). */
#ifndef UC_STANDIN_SYS_TYPES_H
#define UC_STANDIN_SYS_TYPES_H
#include <stdint.h>
typedef unsigned int u_int;
typedef uint32_t uid_t;
typedef uint32_t gid_t;
typedef int32_t pid_t;
typedef uint32_t socklen_t;
typedef uint8_t sa_family_t;
typedef long ssize_t;
#endif
