/*
 * Solaris and illumos for unix_cred/passing.h. SO_RECVUCRED makes the kernel attach the sender's ucred_t
 * (SCM_UCRED) to each datagram it takes (docs/platforms.md section 5: datagram sockets), so it is set on those only.
 * On a stream the byte travels alone and the receiver reports the peer's credentials (getpeerucred), as GLib
 * does. Built with -D_XOPEN_SOURCE=600 -D__EXTENSIONS__ for msg_control.
 */
#include <string.h>
#include <ucred.h>

#include "unix_cred/passing.h"

static int enable(int fd, uc_out *out) {
  if (!uc_pass_is_datagram(fd, UC_PASS_CHECK)) return 0;
  int rc = uc_pass_set_option(fd, SOL_SOCKET, SO_RECVUCRED);
  if (rc == 0) out->words[0] = UC_PASS_ENABLED_CREDENTIALS;
  return rc;
}

/* The effective ids of an SCM_UCRED; one whose effective ids the kernel could not report (-1) counts as none. */
static void control(const struct cmsghdr *message, uc_received *r) {
  if (message->cmsg_level != SOL_SOCKET || message->cmsg_type != SCM_UCRED) return;
  /* Copied: the message's data is aligned for an int only; the ucred_t's getters may want more. */
  union {
    uint64_t align;
    unsigned char bytes[UC_PASS_CONTROL_SIZE];
  } copy;
  size_t len = uc_pass_items(message, 0, 1);
  if (len == 0 || len > sizeof copy.bytes) return;
  memcpy(copy.bytes, CMSG_DATA(message), len);
  const ucred_t *cred = (const ucred_t *)(const void *)copy.bytes;
  uid_t euid = ucred_geteuid(cred);
  gid_t egid = ucred_getegid(cred);
  if (euid == (uid_t)-1 || egid == (gid_t)-1) return;
  static const gid_t no_groups[1] = {0};
  const gid_t *groups = NULL;
  int count = ucred_getgroups(cred, &groups);
  if (count <= 0) groups = count == 0 ? no_groups : NULL;
  pid_t pid = ucred_getpid(cred);
  uc_pass_put_credentials(r, pid == -1 ? 0 : (uint32_t)pid, euid, egid, groups, count > 0 ? (size_t)count : 0);
}

static const uc_pass_os solaris_messages = {enable, NULL, NULL, control};

UC_PASSING_OPS(solaris_messages)
