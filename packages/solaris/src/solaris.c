/*
 * Solaris and illumos: everything this package asks of their kernels and libc, in one file that talks only to
 * their headers and the unix_cred headers. Built with -D_XOPEN_SOURCE=600 -D__EXTENSIONS__ (docs/platforms.md
 * section 7; msg_control needs them too).
 *
 * Peer credentials: getpeerucred(3C). Reviewed against docs/platforms.md sections 1 to 3 and the manual: the
 * ucred_t pointer must be NULL on entry (else getpeerucred reuses it), every getter answers -1 for a field it
 * cannot report, and getpeerucred answers for local TCP too (AF_INET, AF_INET6), which is reported only where the
 * caller asks for it (UC_PEER_INET).
 *
 * The calling process (credentials(7)): there is no getresuid; the saved ids come from the process's own
 * ucred_t, ucred_get(P_MYID) (ucred_get(3C)), the documented reader of what /proc/self/cred holds. Should it fail
 * (no memory), they are reported unknown.
 *
 * Passing (docs/platforms.md 5.1): sockfs and tl carry every control message a sender writes through to the
 * receiver unchanged, SCM_UCRED included: a ucred_t in a message is the kernel's only where the kernel put it.
 * That is on a datagram socket with SO_RECVUCRED on, where tl appends the sender's ucred_t after the sender's own
 * messages: the last SCM_UCRED is the kernel's (usr/src/uts/common/io/tl.c, tl_unitdata, tl_fill_option). On a
 * stream no SCM_UCRED is ever the kernel's (tl_set_opt refuses SO_RECVUCRED there): the byte travels alone and the
 * receiver reports the peer's credentials (getpeerucred), as GLib does.
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <stddef.h>
#include <string.h>
#include <ucred.h>
#include <unistd.h>

#include "unix_cred/passing.h"
#include "unix_cred/process.h"

_Static_assert(sizeof(gid_t) == sizeof(uint32_t), "gid_t is 32 bits: the groups travel as a Uint32Array");

/*
 * words: [0] bit i set when field i+1 is known, [1] pid, [2] ruid, [3] euid, [4] suid, [5] rgid, [6] egid,
 * [7] sgid; bytes: the supplementary groups. Returns their byte count.
 */
static int put_ucred(const ucred_t *cred, uc_out *out) {
  const uint32_t fields[7] = {
      (uint32_t)ucred_getpid(cred), ucred_getruid(cred), ucred_geteuid(cred), ucred_getsuid(cred),
      ucred_getrgid(cred),          ucred_getegid(cred), ucred_getsgid(cred),
  };
  out->words[0] = 0;
  for (int i = 0; i < 7; i++) {
    out->words[i + 1] = fields[i];
    if (fields[i] != (uint32_t)-1) out->words[0] |= 1u << i;
  }
  const gid_t *groups = NULL;
  int count = ucred_getgroups(cred, &groups);
  /* -1 (not reported) comes with every id unknown, as the credentials are missing: no groups either. */
  if (count <= 0) return 0;
  size_t size = (size_t)count * sizeof *groups;
  if (uc_out_reserve(out, size) == NULL) return UC_E_NO_MEMORY;
  memcpy(out->bytes, groups, size);
  return (int)size;
}

/* getpeerucred answers for TCP and STREAMS too: only AF_UNIX is ours to report, and inet where the caller asked. */
static int check_family(int fd, int arg) {
  int family = uc_socket_family(fd);
  if (family < 0) return family;
  if (family == AF_UNIX || ((arg & UC_PEER_INET) && (family == AF_INET || family == AF_INET6))) return 0;
  return UC_E_NOT_UNIX;
}

/*
 * A failed getpeerucred: sockfs answers ENOTSUP for a socket without connections (a datagram socket:
 * SM_CONNREQUIRED clear, socktpi.c _I_GETPEERCRED), which has no peer, as EINVAL or ENOTCONN say elsewhere
 * (docs/platforms.md section 2). ENOTSUP is not EOPNOTSUPP on Solaris and illumos.
 */
static int peer_failure(int error) { return error == ENOTSUP ? UC_E_NO_PEER : uc_peer_failure(error); }

int uc_solaris_peer_ucred(int fd, int arg, uc_out *out) {
  int rc = uc_refuse_listening(fd, arg);
  if (rc == 0) rc = check_family(fd, arg);
  if (rc != 0) return rc;
  ucred_t *cred = NULL;
  rc = getpeerucred(fd, &cred) == 0 ? put_ucred(cred, out) : peer_failure(errno);
  /* The one release of the ucred_t, whichever way the call went (it stays NULL when none was allocated). */
  if (cred != NULL) ucred_free(cred);
  return rc;
}

int uc_solaris_process_credentials(int fd, int arg, uc_out *out) {
  (void)fd;
  (void)arg;
  uc_process_ids ids = uc_posix_ids();
  ucred_t *cred = ucred_get(P_MYID);
  if (cred != NULL) {
    ids.suid = ucred_getsuid(cred);
    ids.sgid = ucred_getsgid(cred);
    /* A getter answers -1 for a field it cannot report. */
    if (ids.suid != (uid_t)-1) ids.known |= UC_KNOWN_SUID;
    if (ids.sgid != (gid_t)-1) ids.known |= UC_KNOWN_SGID;
    ucred_free(cred);
  }
  return uc_put_process(&ids, out);
}

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
  UCRED_HEADER = 8 * 4,   /* struct ucred_s */
  UCRED_CREDOFF = 1 * 4,  /* uc_credoff: 0, no credentials (a remote peer) */
  PRCRED_NGROUPS = 6 * 4, /* pr_ngroups, after the six ids */
  PRCRED_GROUPS = 7 * 4,  /* pr_groups[] */
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

UC_OPERATIONS({"peerUcred", uc_solaris_peer_ucred}, {"processCredentials", uc_solaris_process_credentials});
