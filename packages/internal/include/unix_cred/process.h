/*
 * The credentials of the calling process (credentials(7)), shared by every OS file: the POSIX calls and the
 * result's layout. An OS file fills a uc_process_ids with what its own calls give (getresuid, setfsuid,
 * ucred_get ...) and hands it to uc_put_process.
 *
 * words: [0] UC_KNOWN_* bits (unix_cred/os.h) of the optional ids the OS reported, [1] pid, [2] ppid, [3] pgid, [4] sid,
 * [5] ruid, [6] euid, [7] suid, [8] fsuid, [9] rgid, [10] egid, [11] sgid, [12] fsgid;
 * bytes: the groups as getgroups(2) gives them. Returns their byte count.
 */
#ifndef UNIX_CRED_PROCESS_H
#define UNIX_CRED_PROCESS_H

#include <errno.h>
#include <sys/types.h>
#include <unistd.h>

#include "unix_cred/os.h"

typedef struct uc_process_ids {
  unsigned known; /* UC_KNOWN_* bits: which of suid, fsuid, sgid, fsgid hold a value */
  uid_t ruid, euid, suid, fsuid;
  gid_t rgid, egid, sgid, fsgid;
} uc_process_ids;

/* The real and effective ids every POSIX system has; the saved and file-system ids unknown. */
static inline uc_process_ids uc_posix_ids(void) {
  uc_process_ids ids = {0, getuid(), geteuid(), 0, 0, getgid(), getegid(), 0, 0};
  return ids;
}

/* getgroups(2) into out->bytes, growing it when the list does not fit or grew between two calls. */
static inline int uc_put_groups(uc_out *out) {
  int count = getgroups((int)(out->capacity / sizeof(gid_t)), (gid_t *)(void *)out->bytes);
  while (count < 0) {
    if (errno != EINVAL) return -errno;
    int needed = getgroups(0, NULL);
    if (needed < 0) return -errno;
    /* getgroups(0, list) would answer the count, not the list. */
    if (needed == 0) return 0;
    if (uc_out_reserve(out, (size_t)needed * sizeof(gid_t)) == NULL) return UC_E_NO_MEMORY;
    count = getgroups(needed, (gid_t *)(void *)out->bytes);
  }
  return count * (int)sizeof(gid_t);
}

/*
 * Where the OS has getresuid/getresgid (declared by its <unistd.h>): the real, effective and saved ids, one call
 * each. A macro, so that it is compiled only in the files of those OSes. Nonzero on success, else see errno.
 */
#define UC_GETRES_IDS(ids) \
  (getresuid(&(ids)->ruid, &(ids)->euid, &(ids)->suid) == 0 && getresgid(&(ids)->rgid, &(ids)->egid, &(ids)->sgid) == 0)

/* Defines `name`, the processCredentials op of an OS with getresuid/getresgid and no file-system ids. */
#define UC_GETRES_PROCESS_OP(name)                                   \
  int name(int fd, int arg, uc_out *out) {                           \
    (void)fd;                                                        \
    (void)arg;                                                       \
    uc_process_ids ids = {.known = UC_KNOWN_SUID | UC_KNOWN_SGID};   \
    return UC_GETRES_IDS(&ids) ? uc_put_process(&ids, out) : -errno; \
  }

static inline int uc_put_process(const uc_process_ids *ids, uc_out *out) {
  pid_t sid = getsid(0);
  if (sid < 0) return -errno;
  const uint32_t words[13] = {
      ids->known, (uint32_t)getpid(), (uint32_t)getppid(), (uint32_t)getpgrp(), (uint32_t)sid, ids->ruid,  ids->euid,
      ids->suid,  ids->fsuid,         ids->rgid,           ids->egid,           ids->sgid,     ids->fsgid,
  };
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) out->words[i] = words[i];
  return uc_put_groups(out);
}

#endif
