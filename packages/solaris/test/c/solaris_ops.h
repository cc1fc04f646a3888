/* The ops src/solaris.c defines (see unix_cred/os.h for their shape), for the scenarios that call them. */
#ifndef UNIX_CRED_SOLARIS_OPS_H
#define UNIX_CRED_SOLARIS_OPS_H
#include "unix_cred/os.h"

/* arg: UC_CHECK_LISTENING, and UC_PEER_INET to answer for AF_INET and AF_INET6 sockets too. */
int uc_solaris_peer_ucred(int fd, int arg, uc_out *out);
/* The calling process's ids. */
int uc_solaris_process_credentials(int fd, int arg, uc_out *out);
#endif
