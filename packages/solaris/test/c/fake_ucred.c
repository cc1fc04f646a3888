/* The fake libc ucred of fake_ucred.h. */
#include <errno.h>
#include <stdlib.h>
#include <ucred.h>

#include "fake_kernel.h"
#include "fake_ucred.h"
#include "models/illumos.h"

int getpeerucred(int fd, ucred_t **cred) {
  (void)fd;
  uc_fake_count("getpeerucred");
  if (*cred != NULL) uc_fake_count("ucred_t reused");
  const fake_peer *peer = uc_current->peer;
  /* With a kernel model, the socket's state decides (models/illumos.h); the peer gives the ids. */
  int error = uc_current->kernel != NULL ? uc_fake_model_answer(UC_MODEL_LIBC_CALL, UC_ILLUMOS_GETPEERUCRED) : peer->error;
  if (error != 0) {
    errno = error;
    return -1;
  }
  ucred_t *made = (malloc)(sizeof *made);
  if (made == NULL) abort();
  made->peer = *peer;
  uc_fake_count("ucred_t allocated");
  *cred = made;
  return 0;
}

void ucred_free(ucred_t *cred) {
  uc_fake_count(cred == NULL ? "ucred_free(NULL)" : "ucred_free");
  free(cred);
}

pid_t ucred_getpid(const ucred_t *cred) { return cred->peer.pid; }
uid_t ucred_getruid(const ucred_t *cred) { return cred->peer.ruid; }
uid_t ucred_geteuid(const ucred_t *cred) { return cred->peer.euid; }
uid_t ucred_getsuid(const ucred_t *cred) { return cred->peer.suid; }
gid_t ucred_getrgid(const ucred_t *cred) { return cred->peer.rgid; }
gid_t ucred_getegid(const ucred_t *cred) { return cred->peer.egid; }
gid_t ucred_getsgid(const ucred_t *cred) { return cred->peer.sgid; }

int ucred_getgroups(const ucred_t *cred, const gid_t **groups) {
  if (cred->peer.ngroups > 0) *groups = cred->peer.groups;
  return cred->peer.ngroups;
}
