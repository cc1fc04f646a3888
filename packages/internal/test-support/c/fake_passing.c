/*
 * The fake kernel's sendmsg, recvmsg, setsockopt, fcntl and close, for the passing ops: recvmsg delivers the
 * running scenario's message, built with the OS's own CMSG_* macros (its stand-in <sys/socket.h>), and every
 * call is logged so that a scenario can check what was sent, set, and closed.
 */
#include <errno.h>
#include <stdlib.h>
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

static const uc_fake_message *message(void) { return uc_current->message != NULL ? uc_current->message : &no_message; }

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

/* An OS without a kernel model: the scenario's cmsgs arrive as written. */
__attribute__((weak)) size_t uc_fake_kernel_deliver(const uc_fake_message *m, uc_fake_cmsg *out, size_t max,
                                                    unsigned char *scratch, size_t room) {
  (void)m, (void)out, (void)max, (void)scratch, (void)room;
  return 0;
}

__attribute__((weak)) int uc_fake_kernel_option(int level, int name, int *value) {
  (void)level, (void)name, (void)value;
  return 0;
}

/*
 * Appends one control message. One that does not fit whole is cut to the room left, its cmsg_len still its whole
 * length, with MSG_CTRUNC: the kernels modelled here copy bytes (FreeBSD and DragonFly kern_recvit, NetBSD
 * copyout_msg_control, xnu copyout_control, illumos recvit; Linux's put_cmsg would shorten cmsg_len instead).
 */
static void deliver(struct msghdr *msg, size_t *used, int level, int type, const void *data, size_t len) {
  unsigned char whole[8192];
  if (CMSG_SPACE(len) > sizeof whole) abort();
  struct cmsghdr *c = (struct cmsghdr *)(void *)whole;
  memset(whole, 0, CMSG_SPACE(len));
  c->cmsg_len = CMSG_LEN(len);
  c->cmsg_level = level;
  c->cmsg_type = type;
  memcpy(CMSG_DATA(c), data, len);
  size_t room = msg->msg_controllen - *used, copied = CMSG_SPACE(len) < room ? CMSG_SPACE(len) : room;
  if (room < CMSG_LEN(len)) msg->msg_flags |= MSG_CTRUNC;
  memcpy((unsigned char *)msg->msg_control + *used, whole, copied);
  *used += copied;
}

ssize_t recvmsg(int fd, struct msghdr *msg, int flags) {
  (void)fd;
  uc_fake_log("recvmsg flags", flags);
  const uc_fake_message *m = message();
  if (m->error != 0) return fail(m->error);
  size_t len = m->bytes < msg->msg_iov[0].iov_len ? m->bytes : msg->msg_iov[0].iov_len;
  memset(msg->msg_iov[0].iov_base, 'd', len);
  /* What the kernel does not write stays as it was: garbage, here a pattern no reader may take for data. */
  memset(msg->msg_control, 0xa5, msg->msg_controllen);
  size_t used = 0;
  msg->msg_flags = m->record && m->bytes > len ? MSG_TRUNC : 0;
  uc_fake_cmsg modelled[4];
  unsigned char scratch[8192];
  size_t count = m->sender != NULL ? uc_fake_kernel_deliver(m, modelled, 4, scratch, sizeof scratch) : 0;
  const uc_fake_cmsg *cmsgs = m->sender != NULL ? modelled : m->cmsgs;
  if (m->sender == NULL)
    while (count < sizeof m->cmsgs / sizeof m->cmsgs[0] && m->cmsgs[count].len != 0) count++;
  for (size_t i = 0; i < count && used < msg->msg_controllen; i++)
    deliver(msg, &used, cmsgs[i].level, cmsgs[i].type, cmsgs[i].data, cmsgs[i].len);
  /* As Linux: as many descriptors as the process's limit allows arrive, the rest are lost. */
  size_t fds = (size_t)m->fds;
  if (m->fd_room != 0 && (size_t)m->fd_room < fds) fds = (size_t)m->fd_room;
  if (fds < (size_t)m->fds) msg->msg_flags |= MSG_CTRUNC;
  if (fds > 0 && used < msg->msg_controllen) {
    int numbers[1024];
    for (size_t i = 0; i < fds; i++) numbers[i] = 100 + (int)i;
    deliver(msg, &used, SOL_SOCKET, SCM_RIGHTS, numbers, fds * sizeof(int));
  } else if (fds > 0) {
    msg->msg_flags |= MSG_CTRUNC;
  }
  msg->msg_controllen = used;
  return (ssize_t)len;
}
