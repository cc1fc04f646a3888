/*
 * Checks every OS file makes around its credentials call, written once against POSIX headers only.
 */
#ifndef UNIX_CRED_POSIX_H
#define UNIX_CRED_POSIX_H

#include <errno.h>
#include <sys/socket.h>
#include <sys/types.h>

#include "unix_cred/os.h"

/* Refuses a listening socket: it would answer with the credentials of whoever called listen(). */
static inline int uc_refuse_listening(int fd, int arg) {
  if (!(arg & UC_CHECK_LISTENING)) return 0;
  int listening = 0;
  socklen_t len = sizeof listening;
  if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) != 0) return -errno;
  return listening ? UC_E_LISTENING : 0;
}

/* 1 for an AF_UNIX socket, 0 for another family, -errno on failure. */
static inline int uc_is_unix_socket(int fd) {
  struct sockaddr_storage address;
  socklen_t len = sizeof address;
  address.ss_family = AF_UNSPEC;
  if (getsockname(fd, (struct sockaddr *)&address, &len) != 0) return -errno;
  return address.ss_family == AF_UNIX;
}

/*
 * What a failed or implausible peer answer means: a socket of another family (whose level-0 options
 * are IP options on the BSDs), else `otherwise` (an AF_UNIX socket with no valid peer, or the error).
 */
static inline int uc_classify_no_peer(int fd, int otherwise) {
  int is_unix = uc_is_unix_socket(fd);
  if (is_unix < 0) return is_unix;
  return is_unix ? otherwise : UC_E_NOT_UNIX;
}

#endif
