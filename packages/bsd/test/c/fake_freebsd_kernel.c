/*
 * The FreeBSD and DragonFly kernels' credential messages, for c/fake_passing.c (sys/kern/uipc_usrreq.c of
 * freebsd/freebsd-src and DragonFlyBSD/DragonFlyBSD):
 * - whatever a sender writes in an SCM_CREDS, unp_internalize replaces it with a struct cmsgcred of the sender's
 *   own credentials (pid, real and effective uid, real gid, the groups with the effective gid first);
 * - FreeBSD: LOCAL_CREDS_PERSISTENT (13+) puts a struct sockcred2 (SCM_CREDS2) first in every message;
 *   LOCAL_CREDS puts a struct sockcred under SCM_CREDS first and drops the sender's cmsgcred (unp_addsockcred),
 *   on a stream once: the sending side clears the flag (uipc_sosend_stream_or_seqpacket), so getsockopt reads 0
 *   while the message still waits;
 * - DragonFly: SO_PASSCRED adds a cmsgcred where the sender wrote none, on datagrams only (uipc_send).
 */
#include <sys/param.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <stddef.h>
#include <string.h>

#include "fake_kernel.h"

#ifndef __DragonFly__
/* The sender's cr_groups: FreeBSD 15 keeps only the supplementary groups there (sys/sys/ucred.h), before the egid led. */
static size_t kernel_groups(const uc_fake_sender *s, gid_t *list) {
  size_t count = 0;
#if __FreeBSD__ < 15
  list[count++] = s->egid;
#endif
  for (int i = 0; i < s->ngroups; i++) list[count++] = s->groups[i];
  return count;
}
#endif

/* unp_internalize's cmsgcred: the effective gid, then the rest of the list, CMGROUP_MAX at most. */
static size_t cmsgcred(const uc_fake_sender *s, unsigned char *at) {
  struct cmsgcred cred;
  memset(&cred, 0, sizeof cred);
  cred.cmcred_pid = s->pid;
  cred.cmcred_uid = s->ruid;
  cred.cmcred_euid = s->euid;
  cred.cmcred_gid = s->rgid;
  cred.cmcred_groups[0] = s->egid;
  for (int i = 0; i < s->ngroups && i + 1 < CMGROUP_MAX; i++) cred.cmcred_groups[i + 1] = s->groups[i];
  cred.cmcred_ngroups = (short)(s->ngroups + 1 < CMGROUP_MAX ? s->ngroups + 1 : CMGROUP_MAX);
  memcpy(at, &cred, sizeof cred);
  return sizeof cred;
}

#ifndef __DragonFly__
/* unp_addsockcred: SOCKCREDSIZE / SOCKCRED2SIZE of MIN(cr_ngroups, CMGROUP_MAX) groups. */
static size_t sockcred(const uc_fake_sender *s, unsigned char *at, int persistent) {
  gid_t list[64];
  size_t count = kernel_groups(s, list);
  if (count > CMGROUP_MAX) count = CMGROUP_MAX;
  int ids[5] = {(int)s->ruid, (int)s->euid, (int)s->rgid, (int)s->egid, (int)count};
  size_t head = 0;
#ifdef SCM_CREDS2
  if (persistent) {
    int first[2] = {0, s->pid};
    memcpy(at, first, sizeof first);
    head = offsetof(struct sockcred2, sc_uid);
  }
#else
  (void)persistent;
#endif
  memcpy(at + head, ids, sizeof ids);
  memcpy(at + head + sizeof ids, list, count * sizeof(gid_t));
  return head + sizeof ids + count * sizeof(gid_t);
}
#endif

size_t uc_fake_kernel_deliver(const uc_fake_message *m, uc_fake_cmsg *out, size_t max, unsigned char *scratch, size_t room) {
  (void)room;
  size_t count = 0, used = 0;
  int has_creds = 0;
  for (size_t i = 0; i < sizeof m->sent / sizeof m->sent[0] && m->sent[i].len != 0 && count < max; i++) {
    if (m->sent[i].level != SOL_SOCKET || m->sent[i].type != SCM_CREDS) continue;
    size_t len = cmsgcred(m->sender, scratch + used);
    out[count++] = (uc_fake_cmsg){SOL_SOCKET, SCM_CREDS, scratch + used, len};
    used += len;
    has_creds = 1;
  }
#ifdef __DragonFly__
  if (m->receiver_option == SO_PASSCRED && uc_fake_datagram() && !has_creds && count < max) {
    out[count++] = (uc_fake_cmsg){SOL_SOCKET, SCM_CREDS, scratch + used, cmsgcred(m->sender, scratch + used)};
  }
#else
  int persistent = 0;
#ifdef LOCAL_CREDS_PERSISTENT
  persistent = m->receiver_option == LOCAL_CREDS_PERSISTENT;
#endif
  if ((persistent || m->receiver_option == LOCAL_CREDS) && count < max) {
    if (!persistent && has_creds) count = 0; /* its cmsgcreds are unlinked (the sockcred has another format) */
    for (size_t i = count; i > 0; i--) out[i] = out[i - 1];
#ifdef SCM_CREDS2
    int type = persistent ? SCM_CREDS2 : SCM_CREDS;
#else
    int type = SCM_CREDS;
#endif
    out[0] = (uc_fake_cmsg){SOL_SOCKET, type, scratch + used, sockcred(m->sender, scratch + used, persistent)};
    count++;
  }
#endif
  return count;
}

/* The receiver's flag after the send: LOCAL_CREDS cleared by it, LOCAL_CREDS_PERSISTENT kept. */
int uc_fake_kernel_option(int level, int name, int *value) {
  const uc_fake_message *m = uc_current->message;
  if (m == NULL || m->sender == NULL || level != 0) return 0;
  (void)name, (void)value;
#ifdef LOCAL_CREDS_PERSISTENT
  if (name == LOCAL_CREDS_PERSISTENT) {
    *value = m->receiver_option == LOCAL_CREDS_PERSISTENT;
    return 1;
  }
#endif
#ifdef LOCAL_CREDS
  if (name == LOCAL_CREDS) {
    *value = 0;
    return 1;
  }
#endif
  return 0;
}
