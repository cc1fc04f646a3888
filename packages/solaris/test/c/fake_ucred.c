/* The fake libc ucred of fake_ucred.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <ucred.h>

#include "fake_kernel.h"
#include "fake_ucred.h"
#include "models/illumos.h"

/* As cred2ucred (usr/src/uts/common/os/cred.c): the header, then the credentials with only the groups held. */
size_t fake_ucred_write(const fake_peer *peer, unsigned char *at) {
  size_t groups = peer->ngroups > 0 ? (size_t)peer->ngroups : 1;
  size_t size = peer->ngroups < 0 ? sizeof(struct ucred_s)
                                  : sizeof(struct ucred_s) + offsetof(prcred_t, pr_groups) + groups * sizeof(gid_t);
  if (at == NULL) return size;
  memset(at, 0, size);
  struct ucred_s head = {(uint32_t)size, 0, 0, peer->pid, 0, 0, 0, 0};
  if (peer->ngroups >= 0) {
    head.uc_credoff = sizeof head;
    prcred_t cred = {peer->euid, peer->ruid, peer->suid, peer->egid, peer->rgid, peer->sgid, peer->ngroups, {0}};
    memcpy(at + sizeof head, &cred, offsetof(prcred_t, pr_groups));
    if (peer->ngroups > 0)
      memcpy(at + sizeof head + offsetof(prcred_t, pr_groups), peer->groups, (size_t)peer->ngroups * sizeof(gid_t));
  }
  memcpy(at, &head, sizeof head);
  return size;
}

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
  unsigned char *made = (malloc)(fake_ucred_write(peer, NULL));
  if (made == NULL) abort();
  fake_ucred_write(peer, made);
  uc_fake_count("ucred_t allocated");
  *cred = (ucred_t *)(void *)made;
  return 0;
}

/* The calling process's ucred_t, as the kernel makes it for ucred_get(P_MYID): of the scenario's process. */
ucred_t *ucred_get(pid_t pid) {
  uc_fake_count("ucred_get");
  if (pid != P_MYID) abort();
  if (uc_current->fail_malloc) return NULL;
  const uc_fake_process *self = uc_current->process;
  const fake_peer process = {0,          self->pid,  self->ruid, self->euid,    self->suid,
                             self->rgid, self->egid, self->sgid, self->ngroups, self->groups};
  /* The real malloc: the counted one is the groups'. */
  unsigned char *made = (malloc)(fake_ucred_write(&process, NULL));
  if (made == NULL) abort();
  fake_ucred_write(&process, made);
  return (ucred_t *)(void *)made;
}

void ucred_free(ucred_t *cred) {
  uc_fake_count(cred == NULL ? "ucred_free(NULL)" : "ucred_free");
  free(cred);
}

/* libc's UCCRED: the credentials at uc_credoff, unchecked; none where it is 0. */
static const prcred_t *credentials(const ucred_t *uc) {
  uc_fake_count("ucred getter");
  return uc->uc_credoff == 0 ? NULL : (const prcred_t *)(const void *)((const char *)uc + uc->uc_credoff);
}

#define GETTER(type, name, field)                 \
  type name(const ucred_t *uc) {                  \
    const prcred_t *cred = credentials(uc);       \
    return cred == NULL ? (type)-1 : cred->field; \
  }

pid_t ucred_getpid(const ucred_t *uc) { return uc->uc_pid; }
GETTER(uid_t, ucred_getruid, pr_ruid)
GETTER(uid_t, ucred_geteuid, pr_euid)
GETTER(uid_t, ucred_getsuid, pr_suid)
GETTER(gid_t, ucred_getrgid, pr_rgid)
GETTER(gid_t, ucred_getegid, pr_egid)
GETTER(gid_t, ucred_getsgid, pr_sgid)

int ucred_getgroups(const ucred_t *uc, const gid_t **groups) {
  const prcred_t *cred = credentials(uc);
  if (cred == NULL) return -1;
  *groups = cred->pr_ngroups > 0 ? cred->pr_groups : NULL;
  return cred->pr_ngroups;
}
