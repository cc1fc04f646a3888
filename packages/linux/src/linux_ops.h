/* The operations of @unix-cred/linux (see unix_cred/os.h for their shape). */
#ifndef UNIX_CRED_LINUX_OPS_H
#define UNIX_CRED_LINUX_OPS_H
#include "unix_cred/os.h"
#ifdef __cplusplus
extern "C" {
#endif
int uc_linux_peer_cred(int fd, int arg, uc_out *out);
int uc_linux_peer_cred_groups(int fd, int arg, uc_out *out);
int uc_linux_peer_groups(int fd, int arg, uc_out *out);
int uc_linux_peer_pidfd(int fd, int arg, uc_out *out);
int uc_linux_peer_security(int fd, int arg, uc_out *out);
int uc_linux_pidfd_alive(int pidfd, int arg, uc_out *out);
int uc_linux_pidfd_signal(int pidfd, int signal_number, uc_out *out);
int uc_linux_close(int fd, int arg, uc_out *out);
/* process.c */
int uc_linux_process_credentials(int fd, int arg, uc_out *out);
#ifdef __cplusplus
}
#endif
#endif
