/*
 * OpenBSD peer credentials: SO_PEERCRED at SOL_SOCKET. Talks only to OpenBSD's headers and the unix_cred headers.
 * Reviewed against docs/platforms.md section 1: struct sockpeercred is { uid, gid, pid }, not Linux's order;
 * a socket of another family answers EOPNOTSUPP.
 */
#include <sys/types.h>
#include <sys/socket.h>

#include "unix_cred/posix.h"
#include "bsd_ops.h"

/*
 * words: [0] pid, [1] euid, [2] egid: the client's as of connect(), or on a client the ids and pid of whoever
 * bound the server's socket (unp_bind records them: docs/platforms.md 1.2). A listener has none (ENOTCONN).
 */
int uc_bsd_peer_ucred(int fd, int arg, uc_out *out) {
  struct sockpeercred cred;
  int rc = uc_peer_option(fd, arg, SOL_SOCKET, SO_PEERCRED, &cred, sizeof cred);
  if (rc != 0) return rc;
  out->words[0] = (uint32_t)cred.pid;
  out->words[1] = cred.uid;
  out->words[2] = cred.gid;
  return 0;
}
