/*
 * LOCAL_CONNWAIT (unix(4)), for the BSDs: with it on, a connect() blocks until the server's accept() has taken the
 * connection, not merely queued it. Only where the OS's <sys/un.h> defines it (include that first); elsewhere, and
 * on a kernel newer than the headers, UC_E_UNSUPPORTED. Which BSD has it, and how each kernel reads the flag, is
 * said in its own file (docs/platforms.md section 7).
 */
#ifndef UNIX_CRED_CONNWAIT_H
#define UNIX_CRED_CONNWAIT_H

#include "unix_cred/posix.h"

/* on: 1 on, 0 off. */
static inline int uc_set_conn_wait(int fd, int on) {
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

#endif
