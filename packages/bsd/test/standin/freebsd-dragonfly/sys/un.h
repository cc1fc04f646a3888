/* Stand-in of FreeBSD's and DragonFly's <sys/un.h>: the LOCAL_* option the OS file uses. */
#ifndef UC_STANDIN_SYS_UN_H
#define UC_STANDIN_SYS_UN_H
#define LOCAL_PEERCRED 1
#ifndef __DragonFly__
#define LOCAL_CREDS 2
#endif
/* New in FreeBSD 13.0. */
#if defined(__FreeBSD__) && __FreeBSD__ >= 13
#define LOCAL_CREDS_PERSISTENT 3
#endif
/* Dropped from FreeBSD 15.0's headers; the tests build both releases (-D__FreeBSD__=14 and 15). */
#if defined(__FreeBSD__) && __FreeBSD__ < 15
#define LOCAL_CONNWAIT 4
#endif
#endif
