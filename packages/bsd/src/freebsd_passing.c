/*
 * FreeBSD and DragonFly credential messages for unix_cred/passing.h. Reviewed against docs/platforms.md section 5
 * and unix(4): the sender attaches a zeroed struct cmsgcred under SCM_CREDS, which the kernel fills (pid, real
 * and effective uid, real gid, the groups with the effective gid first). FreeBSD 13+: LOCAL_CREDS_PERSISTENT
 * makes the kernel attach a struct sockcred2 (SCM_CREDS2) to every read instead; before 13, LOCAL_CREDS attaches
 * a struct sockcred (no pid) under the SAME type SCM_CREDS, to the first read of a stream only. DragonFly:
 * SO_PASSCRED makes its kernel add the cmsgcred. Level 0 for the LOCAL_* options: SOL_LOCAL exists since 12.2.
 */
#include <sys/param.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <stddef.h>
#include <string.h>

#include "unix_cred/passing.h"

#ifdef __DragonFly__
static int enable(int fd, uc_out *out) {
  int rc = uc_pass_set_option(fd, SOL_SOCKET, SO_PASSCRED);
  if (rc == 0) out->words[0] = UC_PASS_ENABLED_CREDENTIALS;
  return rc;
}
#else
static int enable(int fd, uc_out *out) {
  int rc = uc_pass_set_option(fd, 0, LOCAL_CREDS_PERSISTENT);
  /* A kernel before 13 does not know the option. */
  if (rc == -ENOPROTOOPT || rc == -EOPNOTSUPP || rc == -EINVAL) rc = uc_pass_set_option(fd, 0, LOCAL_CREDS);
  if (rc == 0) out->words[0] = UC_PASS_ENABLED_CREDENTIALS;
  return rc;
}

/* While LOCAL_CREDS is on, the next SCM_CREDS is a struct sockcred, not a cmsgcred: both can be 84 bytes. */
static int prepare(int fd, uc_received *r) {
  int on = 0;
  socklen_t len = sizeof on;
  if (getsockopt(fd, 0, LOCAL_CREDS, &on, &len) == 0) r->mode = on != 0;
  return 0;
}
#endif

static size_t attach(struct cmsghdr *message) {
  memset(message, 0, CMSG_SPACE(sizeof(struct cmsgcred)));
  message->cmsg_len = CMSG_LEN(sizeof(struct cmsgcred));
  message->cmsg_level = SOL_SOCKET;
  message->cmsg_type = SCM_CREDS;
  return CMSG_SPACE(sizeof(struct cmsgcred));
}

/* The effective ids; the cmsgcred's effective gid is its first group (cmcred_gid is the real one). */
static void control(const struct cmsghdr *message, uc_received *r) {
  if (message->cmsg_level != SOL_SOCKET) return;
#ifdef SCM_CREDS2
  if (message->cmsg_type == SCM_CREDS2 && uc_pass_items(message, 0, offsetof(struct sockcred2, sc_groups)) >= 1) {
    struct sockcred2 cred;
    memcpy(&cred, CMSG_DATA(message), offsetof(struct sockcred2, sc_groups));
    if (cred.sc_version != 0) return;
    uc_pass_put_message(r, (uint32_t)cred.sc_pid, cred.sc_euid, cred.sc_egid, message, offsetof(struct sockcred2, sc_groups), cred.sc_ngroups);
    return;
  }
#endif
  if (message->cmsg_type != SCM_CREDS) return;
#ifndef __DragonFly__
  if (r->mode) {
    struct sockcred cred;
    if (uc_pass_items(message, 0, offsetof(struct sockcred, sc_groups)) < 1) return;
    memcpy(&cred, CMSG_DATA(message), offsetof(struct sockcred, sc_groups));
    uc_pass_put_message(r, 0, cred.sc_euid, cred.sc_egid, message, offsetof(struct sockcred, sc_groups), cred.sc_ngroups);
    return;
  }
#endif
  struct cmsgcred cred;
  if (uc_pass_items(message, 0, sizeof cred) < 1) return;
  memcpy(&cred, CMSG_DATA(message), sizeof cred);
  size_t count = cred.cmcred_ngroups < 0 ? 0 : (size_t)cred.cmcred_ngroups;
  if (count > CMGROUP_MAX) count = CMGROUP_MAX;
  uc_pass_put_credentials(r, (uint32_t)cred.cmcred_pid, cred.cmcred_euid, count > 0 ? cred.cmcred_groups[0] : cred.cmcred_gid,
                          cred.cmcred_groups, count);
}

#ifdef __DragonFly__
static const uc_pass_os freebsd_messages = {enable, attach, NULL, control};
#else
static const uc_pass_os freebsd_messages = {enable, attach, prepare, control};
#endif

UC_PASSING_OPS(freebsd_messages)
