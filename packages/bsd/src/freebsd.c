/*
 * FreeBSD and DragonFly peer credentials: LOCAL_PEERCRED (struct xucred). Talks only to their headers and the
 * unix_cred headers (docs/platforms.md sections 1 and 7). FreeBSD fills cr_pid from 13.0 (0 where it cannot, e.g.
 * for a 32-bit caller on a 64-bit kernel); FreeBSD 12's headers and DragonFly's xucred have no pid: none is reported.
 */
#include <sys/param.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/ucred.h>
#include <sys/un.h>

#include "unix_cred/xucred.h"
#include "bsd_ops.h"

/*
 * words: [0] pid (0: unknown), [1] euid, [2] egid; bytes: the groups, egid first. Returns their byte count. A
 * listener has no xucred of a peer (ENOTCONN: docs/platforms.md section 2), so no SO_ACCEPTCONN call is made.
 */
int uc_bsd_peer_xucred(int fd, int arg, uc_out *out) {
  struct xucred cred;
  int rc = uc_peer_xucred(fd, arg, &cred, out);
  if (rc < 0) return rc;
#if defined(__DragonFly__) || __FreeBSD_version < 1300000
  out->words[0] = 0;
#else
  out->words[0] = (uint32_t)cred.cr_pid;
#endif
  return rc;
}
