/*
 * The fake kernel's sendmsg, recvmsg, setsockopt, fcntl and close, for the passing ops: recvmsg delivers the
 * running scenario's message, built with the OS's own CMSG_* macros (its stand-in <sys/socket.h>), and every
 * call is logged so that a scenario can check what was sent, set, and closed.
 */
#include <errno.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include "fake_kernel.h"

static int fail(int error) {
  errno = error;
  return -1;
}

static const uc_fake_message no_message = {0};

static const uc_fake_message *message(void) {
  return uc_current->message != NULL ? uc_current->message : &no_message;
}

int setsockopt(int fd, int level, int name, const void *value, socklen_t len) {
  (void)fd;
  uc_fake_log("setsockopt level", level);
  uc_fake_log("name", name);
  if (len == sizeof(int)) uc_fake_log("value", *(const int *)value);
  for (size_t i = 0; i < sizeof uc_current->options / sizeof uc_current->options[0]; i++) {
    const uc_fake_option *option = &uc_current->options[i];
    if (option->level == level && option->name == name && option->error != 0) return fail(option->error);
  }
  return 0;
}

int fcntl(int fd, int command, ...) {
  uc_fake_log("fcntl", fd);
  uc_fake_log("command", command);
  return 0;
}

int close(int fd) {
  uc_fake_log("close", fd);
  return 0;
}

ssize_t sendmsg(int fd, const struct msghdr *msg, int flags) {
  (void)fd;
  uc_fake_log("sendmsg flags", flags);
  if (message()->error != 0) return fail(message()->error);
  for (struct cmsghdr *c = CMSG_FIRSTHDR(msg); c != NULL; c = CMSG_NXTHDR(msg, c)) {
    uc_fake_log("cmsg level", c->cmsg_level);
    uc_fake_log("type", c->cmsg_type);
    uc_fake_log("len", (long)c->cmsg_len);
    if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
      for (size_t i = 0; CMSG_LEN((i + 1) * sizeof(int)) <= c->cmsg_len; i++) {
        int passed;
        memcpy(&passed, CMSG_DATA(c) + i * sizeof(int), sizeof passed);
        uc_fake_log("fd", passed);
      }
    }
  }
  size_t len = msg->msg_iov[0].iov_len;
  uc_fake_log("data", (long)len);
  return (ssize_t)(message()->bytes != 0 && message()->bytes < len ? message()->bytes : len);
}

/* Appends one control message if it fits; else sets MSG_CTRUNC. Returns whether it fit. */
static int deliver(struct msghdr *msg, size_t *used, int level, int type, const void *data, size_t len) {
  if (*used + CMSG_SPACE(len) > msg->msg_controllen) {
    msg->msg_flags |= MSG_CTRUNC;
    return 0;
  }
  struct cmsghdr *c = (struct cmsghdr *)(void *)((unsigned char *)msg->msg_control + *used);
  memset(c, 0, CMSG_SPACE(len));
  c->cmsg_len = CMSG_LEN(len);
  c->cmsg_level = level;
  c->cmsg_type = type;
  memcpy(CMSG_DATA(c), data, len);
  *used += CMSG_SPACE(len);
  return 1;
}

ssize_t recvmsg(int fd, struct msghdr *msg, int flags) {
  (void)fd;
  uc_fake_log("recvmsg flags", flags);
  const uc_fake_message *m = message();
  if (m->error != 0) return fail(m->error);
  size_t len = m->bytes < msg->msg_iov[0].iov_len ? m->bytes : msg->msg_iov[0].iov_len;
  memset(msg->msg_iov[0].iov_base, 'd', len);
  size_t used = 0;
  msg->msg_flags = m->record && m->bytes > len ? MSG_TRUNC : 0;
  for (size_t i = 0; i < sizeof m->cmsgs / sizeof m->cmsgs[0] && m->cmsgs[i].len != 0; i++) {
    if (!deliver(msg, &used, m->cmsgs[i].level, m->cmsgs[i].type, m->cmsgs[i].data, m->cmsgs[i].len)) break;
  }
  /* As Linux: as many descriptors as fit in the buffer and the process's limit arrive, the rest are lost. */
  size_t count = (size_t)m->fds;
  if (m->fd_room != 0 && (size_t)m->fd_room < count) count = (size_t)m->fd_room;
  size_t room = msg->msg_controllen - used < CMSG_SPACE(0) ? 0 : (msg->msg_controllen - used - CMSG_SPACE(0)) / sizeof(int);
  if (room < count) count = room;
  if (count < (size_t)m->fds) msg->msg_flags |= MSG_CTRUNC;
  if (count > 0) {
    int fds[1024];
    for (size_t i = 0; i < count; i++) fds[i] = 100 + (int)i;
    deliver(msg, &used, SOL_SOCKET, SCM_RIGHTS, fds, count * sizeof(int));
  }
  msg->msg_controllen = used;
  return (ssize_t)len;
}
