/*
 * macOS: everything this package asks of xnu, in one file that talks only to macOS's headers and the unix_cred
 * headers. Reviewed against docs/platforms.md sections 1 to 3 and 5.
 *
 * Peer credentials: LOCAL_PEERCRED (struct xucred, no pid), LOCAL_PEERPID and LOCAL_PEEREPID. All three are level
 * SOL_LOCAL (0), which is IPPROTO_IP on an inet socket, whose options 2 and 3 (IP_HDRINCL, IP_TOS) answer an int
 * just as LOCAL_PEERPID does: so the pid options check the family first. xnu has no SO_ACCEPTCONN; each option
 * refuses a listening socket itself (ENOTCONN).
 *
 * Peer identities beyond the ids: LOCAL_PEERUUID and LOCAL_PEEREUUID, the executable's UUID of the process that last
 * did I/O on the peer's socket (or, delegated, of the one it acts for), and LOCAL_PEERTOKEN, that process's audit
 * token as its task holds it at the call. Reviewed against xnu's uipc_ctloutput: ENOTCONN without a peer, EINVAL
 * for a token whose process is gone. Their options 4 to 6 are IP_TTL, IP_RECVOPTS, IP_RECVRETOPTS on an inet
 * socket: the family is checked first there too.
 *
 * The calling process (credentials(7)): macOS has no getresuid/getresgid, so the saved ids stay unknown (null),
 * as do the file-system ids, which are Linux's alone.
 *
 * Passing: no credential messages (docs/platforms.md section 5). The byte travels alone and the receiver reports
 * the peer's credentials (LOCAL_PEERCRED, LOCAL_PEERPID), as GLib does. macOS has no MSG_CMSG_CLOEXEC:
 * unix_cred/passing.h sets FD_CLOEXEC on each received descriptor right after recvmsg.
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/ucred.h>
#include <sys/un.h>
#include <mach/message.h>
#include <unistd.h>
#include <uuid/uuid.h>

#include "unix_cred/passing.h"
#include "unix_cred/process.h"
#include "unix_cred/xucred.h"

/* words: [1] euid, [2] egid; bytes: the groups, egid first. Returns their byte count. */
int uc_darwin_peer_xucred(int fd, int arg, uc_out *out) {
  struct xucred cred;
  return uc_peer_xucred(fd, arg, &cred, out);
}

/* LOCAL_PEERPID or LOCAL_PEEREPID into words[0], once the socket is known to be AF_UNIX. */
static int read_pid(int fd, int option, uc_out *out) {
  pid_t pid;
  int rc = uc_peer_option(fd, 0, SOL_LOCAL, option, &pid, sizeof pid);
  if (rc == 0) out->words[0] = (uint32_t)pid;
  return rc;
}

/*
 * uc_darwin_peer_xucred plus words[0]: LOCAL_PEERPID, or 0 (unknown) once the peer has closed: xnu keeps the xucred
 * but answers the pid options ENOTCONN without a peer socket (docs/platforms.md 1.1). A valid 76-byte xucred
 * already proves AF_UNIX.
 */
int uc_darwin_peer_xucred_pid(int fd, int arg, uc_out *out) {
  int bytes = uc_darwin_peer_xucred(fd, arg, out);
  if (bytes < 0) return bytes;
  int rc = read_pid(fd, LOCAL_PEERPID, out);
  if (rc == UC_E_NO_PEER) out->words[0] = 0;
  return rc != 0 && rc != UC_E_NO_PEER ? rc : bytes;
}

/* A pid option, checked for listening first, then for AF_UNIX: an inet socket's int would pass for a pid. */
static int peer_pid(int fd, int arg, int option, uc_out *out) {
  int rc = uc_check_unix_peer(fd, arg);
  return rc != 0 ? rc : read_pid(fd, option, out);
}

/* words[0]: the pid of the last process that did I/O on the peer socket. */
int uc_darwin_peer_pid(int fd, int arg, uc_out *out) { return peer_pid(fd, arg, LOCAL_PEERPID, out); }

/* words[0]: the effective pid: the process the peer acts for when it delegated (else as LOCAL_PEERPID). */
int uc_darwin_peer_effective_pid(int fd, int arg, uc_out *out) { return peer_pid(fd, arg, LOCAL_PEEREPID, out); }

/* bytes: the option's `size` bytes, as the kernel gives them. Returns size. */
static int read_identity(int fd, int arg, int option, socklen_t size, uc_out *out) {
  int rc = uc_check_unix_peer(fd, arg);
  if (rc == 0) rc = uc_peer_option(fd, 0, SOL_LOCAL, option, out->bytes, size);
  return rc != 0 ? rc : (int)size;
}

/* bytes: the uuid_t, 16 bytes. */
int uc_darwin_peer_uuid(int fd, int arg, uc_out *out) { return read_identity(fd, arg, LOCAL_PEERUUID, sizeof(uuid_t), out); }

int uc_darwin_peer_effective_uuid(int fd, int arg, uc_out *out) {
  return read_identity(fd, arg, LOCAL_PEEREUUID, sizeof(uuid_t), out);
}

/* bytes: the audit_token_t, 8 unsigned ints (bsm/libbsm.h's audit_token_to_* read them: [1] euid, [2] egid, [5] pid). */
int uc_darwin_peer_token(int fd, int arg, uc_out *out) {
  return read_identity(fd, arg, LOCAL_PEERTOKEN, sizeof(audit_token_t), out);
}

int uc_darwin_process_credentials(int fd, int arg, uc_out *out) {
  (void)fd;
  (void)arg;
  uc_process_ids ids = uc_posix_ids();
  return uc_put_process(&ids, out);
}

UC_PASSING_OPS(uc_pass_no_messages)

UC_OPERATIONS({"peerXucred", uc_darwin_peer_xucred}, {"peerXucredPid", uc_darwin_peer_xucred_pid},
              {"peerPid", uc_darwin_peer_pid}, {"peerEffectivePid", uc_darwin_peer_effective_pid},
              {"processCredentials", uc_darwin_process_credentials}, {"peerUuid", uc_darwin_peer_uuid},
              {"peerEffectiveUuid", uc_darwin_peer_effective_uuid}, {"peerToken", uc_darwin_peer_token});
