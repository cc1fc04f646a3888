/*
 * OpenBSD: everything this package asks of its kernel, in one file that talks only to OpenBSD's headers and the
 * unix_cred headers (docs/platforms.md sections 1, 5 and 7).
 *
 * Peer credentials: SO_PEERCRED at SOL_SOCKET. struct sockpeercred is { uid, gid, pid }, not Linux's order; a socket
 * of another family answers EOPNOTSUPP.
 *
 * The calling process: getresuid/getresgid give the saved ids (credentials(7)).
 *
 * LOCAL_CONNWAIT: OpenBSD never had it; its headers do not define it, so the op answers UC_E_UNSUPPORTED.
 *
 * Passing: no credential messages of any kind (docs/platforms.md section 5). The byte travels alone and the
 * receiver reports the peer's credentials (SO_PEERCRED), as GLib does; descriptors pass as anywhere.
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "unix_cred/connwait.h"
#include "unix_cred/passing.h"
#include "unix_cred/process.h"

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

UC_GETRES_PROCESS_OP(uc_bsd_process_credentials)

/* LOCAL_CONNWAIT on (arg 1) or off (0): unix_cred/connwait.h. */
int uc_bsd_conn_wait(int fd, int on, uc_out *out) {
  (void)out;
  return uc_set_conn_wait(fd, on);
}

UC_PASSING_OPS(uc_pass_no_messages)

UC_OPERATIONS({"peerUcred", uc_bsd_peer_ucred}, {"processCredentials", uc_bsd_process_credentials},
              {"connWait", uc_bsd_conn_wait});
