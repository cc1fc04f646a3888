/*
 * The NetBSD kernel's credential messages, for c/fake_passing.c (NetBSD/src sys/kern/uipc_usrreq.c): a sender's
 * own control message other than SCM_RIGHTS fails the send (unp_internalize: EINVAL), so none arrives; with
 * LOCAL_CREDS on the receiver, unp_addsockcred appends a struct sockcred (pid, real and effective ids, the
 * supplementary groups kauth_cred_group lists) after the sender's messages.
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <stddef.h>
#include <string.h>

#include "fake_kernel.h"

size_t uc_fake_kernel_deliver(const uc_fake_message *m, uc_fake_cmsg *out, size_t max, unsigned char *scratch, size_t room) {
  if (m->receiver_option != LOCAL_CREDS || max == 0) return 0;
  const uc_fake_sender *s = m->sender;
  size_t len = offsetof(struct sockcred, sc_groups) + (size_t)s->ngroups * sizeof(gid_t);
  if (len > room) return 0;
  int head[6] = {s->pid, (int)s->ruid, (int)s->euid, (int)s->rgid, (int)s->egid, s->ngroups};
  memcpy(scratch, head, sizeof head);
  memcpy(scratch + sizeof head, s->groups, (size_t)s->ngroups * sizeof(gid_t));
  out[0] = (uc_fake_cmsg){SOL_SOCKET, SCM_CREDS, scratch, len};
  return 1;
}
