/* Stand-in of FreeBSD's and DragonFly's <sys/un.h>: the LOCAL_* option the OS file uses. */
#ifndef UC_STANDIN_SYS_UN_H
#define UC_STANDIN_SYS_UN_H
#define LOCAL_PEERCRED 1
#ifndef __DragonFly__
#define LOCAL_CREDS 2
#define LOCAL_CREDS_PERSISTENT 3
#endif
#endif
