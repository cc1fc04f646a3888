/* The operation of @unix-cred/solaris (see unix_cred/os.h for its shape), defined in solaris.c. */
#ifndef UNIX_CRED_SOLARIS_OPS_H
#define UNIX_CRED_SOLARIS_OPS_H
#include "unix_cred/os.h"

/* arg: UC_CHECK_LISTENING, and UC_PEER_INET to answer for AF_INET and AF_INET6 sockets too. */
int uc_solaris_peer_ucred(int fd, int arg, uc_out *out);
/* process.c: the calling process's ids. */
int uc_solaris_process_credentials(int fd, int arg, uc_out *out);
#endif
