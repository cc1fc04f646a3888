/*
 * NetBSD: everything this package asks of its kernel, in one file that talks only to NetBSD's headers and the
 * unix_cred headers (docs/platforms.md sections 1, 5.4 and 7).
 *
 * Peer credentials: LOCAL_PEEREID (struct unpcbid). The level MUST be 0 (SOL_SOCKET gives ENOPROTOOPT); a
 * socketpair() has no ids (EINVAL); LOCAL_PEEREID lives in <sys/un.h> under _NETBSD_SOURCE (the default).
 *
 * The calling process: NetBSD has no call for the saved ids (credentials(7)): they stay unknown.
 *
 * LOCAL_CONNWAIT: NetBSD copies a listener's flags to the socket of each connection it queues.
 *
 * Credential messages for unix_cred/passing.h (docs/platforms.md 5.4): the sender sends the plain byte (the kernel
 * refuses any control message of a sender but SCM_RIGHTS); LOCAL_CREDS (level 0) on the receiver makes the kernel
 * append a struct sockcred (pid, real and effective ids, the supplementary groups) under SCM_CREDS.
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>

#include "unix_cred/connwait.h"
#include "unix_cred/passing.h"
#include "unix_cred/process.h"

/* words: [0] pid, [1] euid, [2] egid (the ids of connect(), or of bind() on the server's side: unp_bind records them). */
int uc_bsd_peer_ucred(int fd, int arg, uc_out *out) {
  struct unpcbid id;
  int rc = uc_peer_option(fd, arg, 0, LOCAL_PEEREID, &id, sizeof id);
  if (rc != 0) return rc;
  out->words[0] = (uint32_t)id.unp_pid;
  out->words[1] = id.unp_euid;
  out->words[2] = id.unp_egid;
  return 0;
}

int uc_bsd_process_credentials(int fd, int arg, uc_out *out) {
  (void)fd;
  (void)arg;
  uc_process_ids ids = uc_posix_ids();
  return uc_put_process(&ids, out);
}

/* LOCAL_CONNWAIT on (arg 1) or off (0): unix_cred/connwait.h. */
int uc_bsd_conn_wait(int fd, int on, uc_out *out) {
  (void)out;
  return uc_set_conn_wait(fd, on);
}

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
  uc_pass_put_message(r, (uint32_t)cred.sc_pid, cred.sc_euid, cred.sc_egid, message, offsetof(struct sockcred, sc_groups),
                      cred.sc_ngroups);
}

static const uc_pass_os netbsd_messages = {enable, NULL, NULL, control};

UC_PASSING_OPS(netbsd_messages)

UC_OPERATIONS({"peerUcred", uc_bsd_peer_ucred}, {"processCredentials", uc_bsd_process_credentials},
              {"connWait", uc_bsd_conn_wait});
