/* (a) getPeerPidUidGid(raw fd): SO_ACCEPTCONN + SO_PEERCRED. */
#include "bench.h"

static int op(int fd, int peer) {
  (void)peer;
  struct ucred cred;
  return peer_cred(fd, &cred);
}
