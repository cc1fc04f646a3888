/*
 * NetBSD credential messages for unix_cred/passing.h (docs/platforms.md 5.4): the sender sends the plain byte (the
 * kernel refuses any control message of a sender but SCM_RIGHTS); LOCAL_CREDS (level 0) on the receiver makes the
 * kernel append a struct sockcred (pid, real and effective ids, the supplementary groups) under SCM_CREDS.
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <stddef.h>
#include <string.h>

#include "unix_cred/passing.h"

static int enable(int fd, uc_out *out) {
  int rc = uc_pass_set_option(fd, 0, LOCAL_CREDS);
  if (rc == 0) out->words[0] = UC_PASS_ENABLED_CREDENTIALS;
  return rc;
}

static void control(const struct cmsghdr *message, uc_received *r) {
  if (message->cmsg_level != SOL_SOCKET || message->cmsg_type != SCM_CREDS) return;
  if (uc_pass_items(message, 0, offsetof(struct sockcred, sc_groups)) < 1) return;
  struct sockcred cred;
  memcpy(&cred, CMSG_DATA(message), offsetof(struct sockcred, sc_groups));
  uc_pass_put_message(r, (uint32_t)cred.sc_pid, cred.sc_euid, cred.sc_egid, message, offsetof(struct sockcred, sc_groups), cred.sc_ngroups);
}

static const uc_pass_os netbsd_messages = {enable, NULL, NULL, control};

UC_PASSING_OPS(netbsd_messages)
