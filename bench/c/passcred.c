/*
 * (d) sendCredentials + receiveCredentials: one NUL byte with SCM_CREDENTIALS (the sender's pid, euid and
 * egid, as GLib sends them), then SO_PASSCRED on the receiver (set before every read, as the library does)
 * and the recvmsg of the byte and its credentials.
 */
#include "bench.h"
#include "passing.h"

static int op(int fd, int peer) {
  pass_control control;
  struct ucred cred = {getpid(), geteuid(), getegid()};
  control.header.cmsg_len = CMSG_LEN(sizeof cred);
  control.header.cmsg_level = SOL_SOCKET;
  control.header.cmsg_type = SCM_CREDENTIALS;
  memcpy(CMSG_DATA(&control.header), &cred, sizeof cred);
  int rc = send_byte(fd, &control, CMSG_SPACE(sizeof cred));
  if (rc != 0) return rc;
  int on = 1;
  if (setsockopt(peer, SOL_SOCKET, SO_PASSCRED, &on, sizeof on) != 0) return -errno;
  struct cmsghdr *message = receive_byte(peer, &control, &rc);
  if (rc != 0) return rc;
  return message != NULL && message->cmsg_type == SCM_CREDENTIALS ? 0 : -EPROTO;
}
