/*
 * FreeBSD and DragonFly: everything this package asks of their kernels, in one file that talks only to their
 * headers and the unix_cred headers (docs/platforms.md sections 1, 5.2, 5.3 and 7).
 *
 * Peer credentials: LOCAL_PEERCRED (struct xucred). FreeBSD fills cr_pid from 13.0 (0 where it cannot, e.g. for a
 * 32-bit caller on a 64-bit kernel); FreeBSD 12's headers and DragonFly's xucred have no pid: none is reported.
 *
 * The calling process: getresuid/getresgid give the saved ids (credentials(7)).
 *
 * LOCAL_CONNWAIT: FreeBSD before 15 has it (15.0's headers dropped it: docs/platforms.md section 7), DragonFly never
 * had it. FreeBSD reads the flag of the socket a connection makes and of the connecting socket (never the
 * listener's).
 *
 * Credential messages for unix_cred/passing.h (docs/platforms.md 5.2 and 5.3): the sender attaches a zeroed struct
 * cmsgcred under SCM_CREDS, which the kernel fills (unp_internalize: pid, real and effective uid, real gid, the
 * groups with the effective gid first): a sender cannot forge it. FreeBSD 13+: LOCAL_CREDS_PERSISTENT makes the
 * kernel put a struct sockcred2 (SCM_CREDS2) first in every message. Before 13 only LOCAL_CREDS exists: a one-shot
 * flag the kernel clears when it sends (uipc_sosend_stream_or_seqpacket, unp_addsockcred), whose struct sockcred
 * (no pid) comes under the SAME type SCM_CREDS, in place of the sender's cmsgcred. Which of the two an SCM_CREDS
 * holds is told by its size, never by the flag (already cleared when the message waits). DragonFly: SO_PASSCRED
 * makes its kernel add a cmsgcred to datagrams only (uipc_send). Level 0 for the LOCAL_* options: SOL_LOCAL exists
 * since 12.2.
 */
#include <sys/param.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/ucred.h>
#include <sys/un.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>

#include "unix_cred/connwait.h"
#include "unix_cred/passing.h"
#include "unix_cred/process.h"
#include "unix_cred/xucred.h"

/*
 * words: [0] pid (0: unknown), [1] euid, [2] egid; bytes: the groups, egid first. Returns their byte count. A
 * listener has no xucred of a peer (ENOTCONN: docs/platforms.md section 2), so no SO_ACCEPTCONN call is made.
 */
int uc_bsd_peer_xucred(int fd, int arg, uc_out *out) {
  struct xucred cred;
  int rc = uc_peer_xucred(fd, arg, &cred, out);
  if (rc < 0) return rc;
#if defined(__DragonFly__) || __FreeBSD_version < 1300000
  out->words[0] = 0;
#else
  out->words[0] = (uint32_t)cred.cr_pid;
#endif
  return rc;
}

UC_GETRES_PROCESS_OP(uc_bsd_process_credentials)

/* LOCAL_CONNWAIT on (arg 1) or off (0): unix_cred/connwait.h. */
int uc_bsd_conn_wait(int fd, int on, uc_out *out) {
  (void)out;
  return uc_set_conn_wait(fd, on);
}

#ifdef __DragonFly__
static int enable(int fd, uc_out *out) { return uc_pass_enable_on_datagrams(fd, out, SOL_SOCKET, SO_PASSCRED); }
#else
static int enable(int fd, uc_out *out) {
  int rc = -ENOPROTOOPT;
#ifdef LOCAL_CREDS_PERSISTENT
  rc = uc_pass_set_option(fd, 0, LOCAL_CREDS_PERSISTENT);
#endif
  /* A kernel (or headers) before 13 does not know the option. */
  if (rc == -ENOPROTOOPT || rc == -EOPNOTSUPP || rc == -EINVAL) rc = uc_pass_set_option(fd, 0, LOCAL_CREDS);
  if (rc == 0) out->words[0] = UC_PASS_ENABLED_CREDENTIALS;
  return rc;
}
#endif

/* What an SCM_CREDS holds: a struct cmsgcred, a struct sockcred (FreeBSD's LOCAL_CREDS), or neither for sure. */
enum { NEITHER, CMSGCRED, SOCKCRED };

static int creds_kind(const struct cmsghdr *message, size_t len) {
#ifdef __DragonFly__
  (void)message;
  return len == sizeof(struct cmsgcred) ? CMSGCRED : NEITHER;
#else
  /*
   * The kernel makes a cmsgcred of exactly its size, a sockcred of SOCKCREDSIZE(sc_ngroups), sc_ngroups at most
   * CMGROUP_MAX. SOCKCREDSIZE(16) is sizeof(struct cmsgcred) (84), and a cmsgcred with 16 groups reads as a
   * sockcred with 16: that message could be either, so it is neither.
   */
  size_t head = offsetof(struct sockcred, sc_groups);
  int count = -1;
  if (len >= head) memcpy(&count, CMSG_DATA(message) + offsetof(struct sockcred, sc_ngroups), sizeof count);
  int sockcred = count >= 0 && count <= CMGROUP_MAX && len == head + (size_t)count * sizeof(gid_t);
  if (len == sizeof(struct cmsgcred)) return sockcred ? NEITHER : CMSGCRED;
  return sockcred ? SOCKCRED : NEITHER;
#endif
}

static size_t attach(struct cmsghdr *message) {
  memset(message, 0, CMSG_SPACE(sizeof(struct cmsgcred)));
  message->cmsg_len = CMSG_LEN(sizeof(struct cmsgcred));
  message->cmsg_level = SOL_SOCKET;
  message->cmsg_type = SCM_CREDS;
  return CMSG_SPACE(sizeof(struct cmsgcred));
}

/* A cmsgcred's effective ids: its effective gid is its first group (cmcred_gid is the real one). */
static void put_cmsgcred(const struct cmsghdr *message, uc_received *r) {
  struct cmsgcred cred;
  memcpy(&cred, CMSG_DATA(message), sizeof cred);
  size_t count = cred.cmcred_ngroups < 0 ? 0 : (size_t)cred.cmcred_ngroups;
  if (count > CMGROUP_MAX) count = CMGROUP_MAX;
  uc_pass_put_credentials(r, (uint32_t)cred.cmcred_pid, cred.cmcred_euid, count > 0 ? cred.cmcred_groups[0] : cred.cmcred_gid,
                          cred.cmcred_groups, count);
}

static void control(const struct cmsghdr *message, uc_received *r) {
  if (message->cmsg_level != SOL_SOCKET) return;
  size_t len = uc_pass_items(message, 0, 1);
#ifdef SCM_CREDS2
  if (message->cmsg_type == SCM_CREDS2 && len >= offsetof(struct sockcred2, sc_groups)) {
    struct sockcred2 cred;
    memcpy(&cred, CMSG_DATA(message), offsetof(struct sockcred2, sc_groups));
    if (cred.sc_version != 0) return;
    uc_pass_put_message(r, (uint32_t)cred.sc_pid, cred.sc_euid, cred.sc_egid, message, offsetof(struct sockcred2, sc_groups),
                        cred.sc_ngroups);
    return;
  }
#endif
  if (message->cmsg_type != SCM_CREDS) return;
  int kind = creds_kind(message, len);
  if (kind == CMSGCRED) put_cmsgcred(message, r);
#ifndef __DragonFly__
  if (kind == SOCKCRED) {
    struct sockcred cred;
    memcpy(&cred, CMSG_DATA(message), offsetof(struct sockcred, sc_groups));
    uc_pass_put_message(r, 0, cred.sc_euid, cred.sc_egid, message, offsetof(struct sockcred, sc_groups), cred.sc_ngroups);
  }
#endif
}

static const uc_pass_os freebsd_messages = {enable, attach, NULL, control};

UC_PASSING_OPS(freebsd_messages)

UC_OPERATIONS({"peerXucred", uc_bsd_peer_xucred}, {"processCredentials", uc_bsd_process_credentials},
              {"connWait", uc_bsd_conn_wait});
