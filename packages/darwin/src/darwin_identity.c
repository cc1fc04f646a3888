/*
 * macOS peer identities beyond the ids: LOCAL_PEERUUID and LOCAL_PEEREUUID, the executable's UUID of the process
 * that last did I/O on the peer's socket (or, delegated, of the one it acts for), and LOCAL_PEERTOKEN, that
 * process's audit token as its task holds it at the call. Reviewed against xnu's uipc_ctloutput: ENOTCONN without
 * a peer, EINVAL for a token whose process is gone. Level SOL_LOCAL (0) is IPPROTO_IP on an inet socket, whose
 * options 4 to 6 (IP_TTL, IP_RECVOPTS, IP_RECVRETOPTS) answer ints: so the family is checked first.
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <mach/message.h>
#include <uuid/uuid.h>

#include "unix_cred/posix.h"
#include "darwin_ops.h"

/* bytes: the option's `size` bytes, as the kernel gives them. Returns size. */
static int read_identity(int fd, int arg, int option, socklen_t size, uc_out *out) {
  int rc = uc_check_unix_peer(fd, arg);
  if (rc == 0) rc = uc_peer_option(fd, 0, SOL_LOCAL, option, out->bytes, size);
  return rc != 0 ? rc : (int)size;
}

/* bytes: the uuid_t, 16 bytes. */
int uc_darwin_peer_uuid(int fd, int arg, uc_out *out) {
  return read_identity(fd, arg, LOCAL_PEERUUID, sizeof(uuid_t), out);
}

int uc_darwin_peer_effective_uuid(int fd, int arg, uc_out *out) {
  return read_identity(fd, arg, LOCAL_PEEREUUID, sizeof(uuid_t), out);
}

/* bytes: the audit_token_t, 8 unsigned ints (bsm/libbsm.h's audit_token_to_* read them: [1] euid, [2] egid, [5] pid). */
int uc_darwin_peer_token(int fd, int arg, uc_out *out) {
  return read_identity(fd, arg, LOCAL_PEERTOKEN, sizeof(audit_token_t), out);
}
