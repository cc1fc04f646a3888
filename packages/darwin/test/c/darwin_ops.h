/* The ops src/darwin.c defines (see unix_cred/os.h for their shape), for the scenarios that call them. */
#ifndef UNIX_CRED_DARWIN_OPS_H
#define UNIX_CRED_DARWIN_OPS_H
#include "unix_cred/os.h"

int uc_darwin_peer_xucred(int fd, int arg, uc_out *out);
int uc_darwin_peer_xucred_pid(int fd, int arg, uc_out *out);
int uc_darwin_peer_pid(int fd, int arg, uc_out *out);
int uc_darwin_peer_effective_pid(int fd, int arg, uc_out *out);
/* The peer's executable UUID and audit token. */
int uc_darwin_peer_uuid(int fd, int arg, uc_out *out);
int uc_darwin_peer_effective_uuid(int fd, int arg, uc_out *out);
int uc_darwin_peer_token(int fd, int arg, uc_out *out);
/* The calling process's ids. */
int uc_darwin_process_credentials(int fd, int arg, uc_out *out);
#endif
