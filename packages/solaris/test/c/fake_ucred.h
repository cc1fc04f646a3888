/*
 * A fake libc ucred for the scenarios of solaris.c and solaris_passing.c (fake_ucred.c): a ucred_t holds a
 * fake_peer, whose -1 fields are those the OS does not report. getpeerucred allocates one (counted) from the
 * scenario's peer; a credential message carries one.
 */
#ifndef UC_FAKE_UCRED_H
#define UC_FAKE_UCRED_H
#include <sys/types.h>

typedef struct fake_peer {
  int error; /* getpeerucred's errno */
  pid_t pid;
  uid_t ruid, euid, suid;
  gid_t rgid, egid, sgid;
  int ngroups; /* -1: unknown */
  const gid_t *groups;
} fake_peer;

struct ucred_s {
  fake_peer peer;
};
#endif
