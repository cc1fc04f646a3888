/*
 * LOCAL_CONNWAIT (unix(4)): with it on, a connect() blocks until the server's accept() has taken the connection,
 * not merely queued it. FreeBSD before 15 and NetBSD have it (FreeBSD 15.0's headers dropped it: docs/platforms.md
 * section 7); DragonFly and OpenBSD never had it: there, and on a kernel newer than the headers, the op answers
 * UC_E_UNSUPPORTED. The kernels read the flag differently: NetBSD copies a listener's flags to the socket of each
 * connection it queues, FreeBSD reads that new socket's and the connecting socket's own (never the listener's).
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "unix_cred/posix.h"
#include "bsd_ops.h"

/* arg: 1 on, 0 off. */
int uc_bsd_conn_wait(int fd, int on, uc_out *out) {
  (void)out;
#ifdef LOCAL_CONNWAIT
  /* Level 0 is IPPROTO_IP on an inet socket, where this number sets an IP option (IP_TTL, IP_HDRINCL): check first. */
  int rc = uc_classify_no_peer(fd, 0);
  if (rc != 0) return rc;
  if (setsockopt(fd, 0, LOCAL_CONNWAIT, &on, sizeof on) == 0) return 0;
  return errno == ENOPROTOOPT || errno == EOPNOTSUPP ? UC_E_UNSUPPORTED : -errno;
#else
  (void)fd;
  (void)on;
  return UC_E_UNSUPPORTED;
#endif
}
