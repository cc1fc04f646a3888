/*
 * Solaris and illumos for unix_cred/passing.h (docs/platforms.md 5.1). sockfs and tl carry every control message
 * a sender writes through to the receiver unchanged, SCM_UCRED included: a ucred_t in a message is the kernel's
 * only where the kernel put it. That is on a datagram socket with SO_RECVUCRED on,
 * where tl appends the sender's ucred_t after the sender's own messages: the last SCM_UCRED is the kernel's
 * (usr/src/uts/common/io/tl.c, tl_unitdata, tl_fill_option). On a stream no SCM_UCRED is ever the kernel's
 * (tl_set_opt refuses SO_RECVUCRED there): the byte travels alone and the receiver reports the peer's
 * credentials (getpeerucred), as GLib does. Built with -D_XOPEN_SOURCE=600 -D__EXTENSIONS__ for msg_control.
 */
#include <stddef.h>
#include <string.h>
#include <ucred.h>

#include "unix_cred/passing.h"

static int enable(int fd, uc_out *out) { return uc_pass_enable_on_datagrams(fd, out, SOL_SOCKET, SO_RECVUCRED); }

/* Whether the kernel appends its SCM_UCRED to what this receive reads: a datagram socket with SO_RECVUCRED on. */
static int prepare(int fd, uc_received *r) {
  int on = 0;
  socklen_t len = sizeof on;
  r->mode = uc_pass_is_datagram(fd, r->arg) && getsockopt(fd, SOL_SOCKET, SO_RECVUCRED, &on, &len) == 0 && on != 0;
  return 0;
}

/*
 * The ucred_t layout the libc getters read (usr/src/uts/common/sys/ucred.h struct ucred_s, 32-bit fields; the
 * credentials a prcred_t of usr/src/uts/common/sys/procfs.h at uc_credoff). The getters trust every offset and
 * count in it (usr/src/lib/libc/port/gen/ucred.c): each is checked against the bytes received first.
 */
enum {
  UCRED_HEADER = 8 * 4,        /* struct ucred_s */
  UCRED_CREDOFF = 1 * 4,       /* uc_credoff: 0, no credentials (a remote peer) */
  PRCRED_NGROUPS = 6 * 4,      /* pr_ngroups, after the six ids */
  PRCRED_GROUPS = 7 * 4,       /* pr_groups[] */
};

static uint32_t word_at(const unsigned char *bytes, size_t offset) {
  uint32_t word;
  memcpy(&word, bytes + offset, sizeof word);
  return word;
}

/* Whether every field the getters read lies inside the `len` bytes of the ucred_t. */
static int ucred_fits(const unsigned char *bytes, size_t len) {
  if (len < UCRED_HEADER) return 0;
  size_t credoff = word_at(bytes, UCRED_CREDOFF);
  if (credoff == 0) return 1;
  if (credoff % 4 != 0 || credoff < UCRED_HEADER || credoff > len || len - credoff < PRCRED_GROUPS) return 0;
  int32_t ngroups = (int32_t)word_at(bytes, credoff + PRCRED_NGROUPS);
  return ngroups >= 0 && (size_t)ngroups <= (len - credoff - PRCRED_GROUPS) / sizeof(gid_t);
}

/* The effective ids of the kernel's SCM_UCRED; one whose effective ids the kernel could not report (-1) counts as none. */
static void control(const struct cmsghdr *message, uc_received *r) {
  if (r->out == NULL || !r->mode || message->cmsg_level != SOL_SOCKET || message->cmsg_type != SCM_UCRED) return;
  /* A later SCM_UCRED is the truer: whatever an earlier one said came from the sender. */
  uc_pass_forget_credentials(r);
  /* Copied: the message's data is aligned for an int only; the ucred_t's getters may want more. */
  union {
    uint64_t align;
    unsigned char bytes[UC_PASS_CONTROL_SIZE];
  } copy;
  size_t len = uc_pass_items(message, 0, 1);
  if (len > sizeof copy.bytes) return;
  memcpy(copy.bytes, CMSG_DATA(message), len);
  if (!ucred_fits(copy.bytes, len)) return;
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

static const uc_pass_os solaris_messages = {enable, NULL, prepare, control};

UC_PASSING_OPS(solaris_messages)
