/*
 * NetBSD peer credentials: LOCAL_PEEREID (struct unpcbid). Talks only to NetBSD's headers and the unix_cred headers.
 * Reviewed against docs/platforms.md sections 1 and 7: the level MUST be 0 (SOL_SOCKET gives ENOPROTOOPT);
 * a socketpair() has no ids (EINVAL); LOCAL_PEEREID lives in <sys/un.h> under _NETBSD_SOURCE (the default).
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "unix_cred/posix.h"
#include "bsd_ops.h"

/* words: [0] pid, [1] euid, [2] egid (the ids of connect(), or of bind() on the server's side: unp_bind records them). */
int uc_bsd_peer_ucred(int fd, int arg, uc_out *out) {
  struct unpcbid id;
  int rc = uc_peer_option(fd, arg, 0, LOCAL_PEEREID, &id, sizeof id);
  if (rc != 0) return rc;
  out->words[0] = (uint32_t)id.unp_pid;
  out->words[1] = id.unp_euid;
  out->words[2] = id.unp_egid;
  return 0;
}
