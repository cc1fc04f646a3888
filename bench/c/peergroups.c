/* (b) getPeerCredentials(raw fd): SO_ACCEPTCONN + SO_PEERCRED + SO_PEERGROUPS into a 4 KiB buffer. */
#include "bench.h"

static int op(int fd, int peer) {
  (void)peer;
  struct ucred cred;
  static unsigned char groups[4096];
  int rc = peer_cred(fd, &cred);
  if (rc != 0) return rc;
  socklen_t len = sizeof groups;
  return getsockopt(fd, SOL_SOCKET, SO_PEERGROUPS, groups, &len) == 0 ? 0 : -errno;
}
