/*
 * A fake libc ucred for the scenarios of solaris.c (fake_ucred.c). A ucred_t has illumos's
 * layout (usr/src/uts/common/sys/ucred.h struct ucred_s, and the prcred_t of sys/procfs.h at uc_credoff), which
 * the getters read trusting every offset and count, as libc's (usr/src/lib/libc/port/gen/ucred.c). getpeerucred
 * allocates one (counted) from the scenario's fake_peer, ucred_get(P_MYID) one of its process; the kernel model
 * puts one in an SCM_UCRED.
 */
#ifndef UC_FAKE_UCRED_H
#define UC_FAKE_UCRED_H
#include <stddef.h>
#include <sys/types.h>
/* struct ucred_s and prcred_t (the stand-in, as with _STRUCTURED_PROC). */
#include <sys/ucred.h>

/* A process's credentials; a -1 field is one the kernel does not report. */
typedef struct fake_peer {
  int error; /* getpeerucred's errno */
  pid_t pid;
  uid_t ruid, euid, suid;
  gid_t rgid, egid, sgid;
  int ngroups; /* -1: no credentials at all (a remote peer: cred2ucred leaves uc_credoff 0) */
  const gid_t *groups;
} fake_peer;

/* Writes the ucred_t that illumos's cred2ucred makes of `peer` at `at` (NULL: none); returns its size. */
size_t fake_ucred_write(const fake_peer *peer, unsigned char *at);
#endif
