/* The operations of @unix-cred/bsd (see unix_cred/os.h for their shape); binding.gyp builds one OS file. */
#ifndef UNIX_CRED_BSD_OPS_H
#define UNIX_CRED_BSD_OPS_H
#include "unix_cred/os.h"

/* freebsd.c (FreeBSD, DragonFly): LOCAL_PEERCRED. */
int uc_bsd_peer_xucred(int fd, int arg, uc_out *out);
/* openbsd.c: SO_PEERCRED; netbsd.c: LOCAL_PEEREID. */
int uc_bsd_peer_ucred(int fd, int arg, uc_out *out);
/* connwait.c (every BSD): LOCAL_CONNWAIT on or off, where the OS has it. */
int uc_bsd_conn_wait(int fd, int on, uc_out *out);
/* process.c (every BSD): the calling process's ids. */
int uc_bsd_process_credentials(int fd, int arg, uc_out *out);
#endif
