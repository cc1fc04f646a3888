/*
 * LOCAL_PEERCRED, shared by the OSes that answer it with a struct xucred: FreeBSD, DragonFly, macOS.
 * Include it after the OS's <sys/ucred.h> and <sys/un.h>.
 */
#ifndef UNIX_CRED_XUCRED_H
#define UNIX_CRED_XUCRED_H

#include <string.h>

#include "unix_cred/posix.h"

_Static_assert(sizeof(gid_t) == sizeof(uint32_t), "gid_t is 32 bits: the groups travel as a Uint32Array");

/*
 * Reads the peer's xucred at level 0 (FreeBSD has the name SOL_LOCAL only since 12.2) and writes
 * words [1] euid, [2] egid; bytes: the groups, egid first. Returns their byte count. The version and
 * length are checked (a mismatch is an error, never garbage); the count is clamped to the array, and
 * an answer without groups has no egid, so it is refused.
 */
static inline int uc_peer_xucred(int fd, int arg, struct xucred *cred, uc_out *out) {
  int rc = uc_peer_option(fd, arg, 0, LOCAL_PEERCRED, cred, sizeof *cred);
  if (rc != 0) return rc;
  if (cred->cr_version != XUCRED_VERSION) return uc_classify_no_peer(fd, UC_E_BAD_VERSION);
  const size_t capacity = sizeof cred->cr_groups / sizeof cred->cr_groups[0];
  size_t count = cred->cr_ngroups < 0 ? 0 : (size_t)cred->cr_ngroups;
  if (count > capacity) count = capacity;
  if (count == 0) return UC_E_BAD_LENGTH;
  out->words[1] = cred->cr_uid;
  out->words[2] = cred->cr_groups[0];
  memcpy(out->bytes, cred->cr_groups, count * sizeof cred->cr_groups[0]);
  return (int)(count * sizeof cred->cr_groups[0]);
}

#endif
