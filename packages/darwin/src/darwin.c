/*
 * macOS peer credentials: LOCAL_PEERCRED (struct xucred, no pid), LOCAL_PEERPID and LOCAL_PEEREPID.
 * Talks only to macOS's headers and the unix_cred headers. Reviewed against docs/platforms.md sections 1 to 3:
 * all three are level SOL_LOCAL (0), which is IPPROTO_IP on an inet socket, whose options 2 and 3 (IP_HDRINCL,
 * IP_TOS) answer an int just as LOCAL_PEERPID does: so the pid options check the family first. xnu has no
 * SO_ACCEPTCONN; each option refuses a listening socket itself (ENOTCONN).
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/ucred.h>
#include <sys/un.h>

#include "unix_cred/xucred.h"
#include "darwin_ops.h"

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
int uc_darwin_peer_pid(int fd, int arg, uc_out *out) {
  return peer_pid(fd, arg, LOCAL_PEERPID, out);
}

/* words[0]: the effective pid: the process the peer acts for when it delegated (else as LOCAL_PEERPID). */
int uc_darwin_peer_effective_pid(int fd, int arg, uc_out *out) {
  return peer_pid(fd, arg, LOCAL_PEEREPID, out);
}
