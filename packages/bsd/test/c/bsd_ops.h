/* The ops the BSD files define (see unix_cred/os.h for their shape), for the scenarios that call them. */
#ifndef UNIX_CRED_BSD_OPS_H
#define UNIX_CRED_BSD_OPS_H
#include "unix_cred/os.h"

/* src/freebsd.c (FreeBSD, DragonFly): LOCAL_PEERCRED. */
int uc_bsd_peer_xucred(int fd, int arg, uc_out *out);
/* src/openbsd.c: SO_PEERCRED; src/netbsd.c: LOCAL_PEEREID. */
int uc_bsd_peer_ucred(int fd, int arg, uc_out *out);
/* Every BSD file: LOCAL_CONNWAIT on or off, where the OS has it. */
int uc_bsd_conn_wait(int fd, int on, uc_out *out);
/* Every BSD file: the calling process's ids. */
int uc_bsd_process_credentials(int fd, int arg, uc_out *out);
#endif
