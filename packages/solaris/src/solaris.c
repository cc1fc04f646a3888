/*
 * Solaris and illumos peer credentials: getpeerucred(3C). Talks only to their headers and the unix_cred headers.
 * Built with -D_XOPEN_SOURCE=600 -D__EXTENSIONS__ (docs/platforms.md section 7). Reviewed against docs/platforms.md
 * sections 1 to 3 and the manual: the ucred_t pointer must be NULL on entry (else getpeerucred reuses it), every
 * getter answers -1 for a field it cannot report, and getpeerucred answers for local TCP too (AF_INET, AF_INET6),
 * which is reported only where the caller asks for it (UC_PEER_INET).
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <string.h>
#include <ucred.h>

#include "unix_cred/posix.h"
#include "solaris_ops.h"

_Static_assert(sizeof(gid_t) == sizeof(uint32_t), "gid_t is 32 bits: the groups travel as a Uint32Array");

/*
 * words: [0] bit i set when field i+1 is known, [1] pid, [2] ruid, [3] euid, [4] suid, [5] rgid, [6] egid,
 * [7] sgid; bytes: the supplementary groups. Returns their byte count.
 */
static int put_ucred(const ucred_t *cred, uc_out *out) {
  const uint32_t fields[7] = {
      (uint32_t)ucred_getpid(cred), ucred_getruid(cred), ucred_geteuid(cred), ucred_getsuid(cred),
      ucred_getrgid(cred),          ucred_getegid(cred), ucred_getsgid(cred),
  };
  out->words[0] = 0;
  for (int i = 0; i < 7; i++) {
    out->words[i + 1] = fields[i];
    if (fields[i] != (uint32_t)-1) out->words[0] |= 1u << i;
  }
  const gid_t *groups = NULL;
  int count = ucred_getgroups(cred, &groups);
  /* -1 (not reported) comes with every id unknown, as the credentials are missing: no groups either. */
  if (count <= 0) return 0;
  size_t size = (size_t)count * sizeof *groups;
  if (uc_out_reserve(out, size) == NULL) return UC_E_NO_MEMORY;
  memcpy(out->bytes, groups, size);
  return (int)size;
}

/* getpeerucred answers for TCP and STREAMS too: only AF_UNIX is ours to report, and inet where the caller asked. */
static int check_family(int fd, int arg) {
  int family = uc_socket_family(fd);
  if (family < 0) return family;
  if (family == AF_UNIX || ((arg & UC_PEER_INET) && (family == AF_INET || family == AF_INET6))) return 0;
  return UC_E_NOT_UNIX;
}

/*
 * A failed getpeerucred: sockfs answers ENOTSUP for a socket without connections (a datagram socket:
 * SM_CONNREQUIRED clear, socktpi.c _I_GETPEERCRED), which has no peer, as EINVAL or ENOTCONN say elsewhere
 * (docs/platforms.md section 2). ENOTSUP is not EOPNOTSUPP on Solaris and illumos.
 */
static int peer_failure(int error) {
  return error == ENOTSUP ? UC_E_NO_PEER : uc_peer_failure(error);
}

int uc_solaris_peer_ucred(int fd, int arg, uc_out *out) {
  int rc = uc_refuse_listening(fd, arg);
  if (rc == 0) rc = check_family(fd, arg);
  if (rc != 0) return rc;
  ucred_t *cred = NULL;
  rc = getpeerucred(fd, &cred) == 0 ? put_ucred(cred, out) : peer_failure(errno);
  /* The one release of the ucred_t, whichever way the call went (it stays NULL when none was allocated). */
  if (cred != NULL) ucred_free(cred);
  return rc;
}
