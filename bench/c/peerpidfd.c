/* (c) getPeerProcess(raw fd) + close(): SO_ACCEPTCONN + SO_PEERCRED + SO_PEERPIDFD, then close the pidfd. */
#include "bench.h"

static int op(int fd, int peer) {
  (void)peer;
  struct ucred cred;
  int rc = peer_cred(fd, &cred);
  if (rc != 0) return rc;
  int pidfd = -1;
  socklen_t len = sizeof pidfd;
  if (getsockopt(fd, SOL_SOCKET, SO_PEERPIDFD, &pidfd, &len) != 0) return -errno;
  return close(pidfd) == 0 ? 0 : -errno;
}
