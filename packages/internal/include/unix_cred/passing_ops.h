/*
 * The credential- and descriptor-passing ops every platform addon exports (see unix_cred/passing.h,
 * which defines them from an OS's uc_pass_os). Plain C declarations, includable from C and C++.
 */
#ifndef UNIX_CRED_PASSING_OPS_H
#define UNIX_CRED_PASSING_OPS_H

#include "unix_cred/os.h"

#ifdef __cplusplus
extern "C" {
#endif
int uc_pass_enable(int fd, int arg, uc_out *out);
int uc_pass_send_credentials(int fd, int arg, uc_out *out);
int uc_pass_receive_credentials(int fd, int arg, uc_out *out);
int uc_pass_send_fds(int fd, int arg, uc_out *out);
int uc_pass_receive_fds(int fd, int arg, uc_out *out);
#ifdef __cplusplus
}
#endif

/* The entries of an addon's op table (the names @unix-cred/internal's passing.ts calls). */
#define UC_PASSING_OPERATIONS                                                                       \
  {"passEnable", uc_pass_enable}, {"passSendCredentials", uc_pass_send_credentials},                \
      {"passReceiveCredentials", uc_pass_receive_credentials}, {"passSendFds", uc_pass_send_fds}, { \
    "passReceiveFds", uc_pass_receive_fds                                                           \
  }

#endif
