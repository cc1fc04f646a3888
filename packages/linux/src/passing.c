/*
 * Linux credential messages for unix_cred/passing.h. Reviewed against docs/platforms.md section 5:
 * SCM_CREDENTIALS carries what the sender states (its pid, euid and egid, which the kernel checks), or,
 * when it states nothing, what the kernel records if SO_PASSCRED was on when it sent: pid and REAL ids.
 * SO_PASSPIDFD (6.5+) adds SCM_PIDFD, a pidfd of the sender. Accepted sockets inherit both options.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

#include "unix_cred/passing.h"
#include "linux_options.h"

/*
 * The kernel's overflow id (user_namespaces(7)), which it reports for an id it has no mapping for, or none
 * recorded. Read when needed (rarely: only for a message with pid 0), never kept; where /proc cannot be read,
 * the kernel's default (DEFAULT_OVERFLOWUID, include/linux/highuid.h).
 */
static uint32_t overflow_id(const char *path) {
  char text[16] = {0};
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  ssize_t got = fd < 0 ? -1 : read(fd, text, sizeof text - 1);
  if (fd >= 0) close(fd);
  return got > 0 ? (uint32_t)strtoul(text, NULL, 10) : 65534;
}

static int enable(int fd, uc_out *out) {
  int rc = uc_pass_set_option(fd, SOL_SOCKET, SO_PASSCRED);
  if (rc != 0) return rc;
  out->words[0] = UC_PASS_ENABLED_CREDENTIALS;
#ifdef SO_PASSPIDFD
  /* Where the kernel has it: before 6.5 it answers ENOPROTOOPT. */
  rc = uc_pass_set_option(fd, SOL_SOCKET, SO_PASSPIDFD);
  if (rc == 0) out->words[0] |= UC_PASS_ENABLED_PIDFD;
  else if (rc != -ENOPROTOOPT) return rc;
#endif
  return 0;
}

/* As GLib: the sender's pid, euid and egid. */
static size_t attach(struct cmsghdr *message) {
  struct ucred cred = {getpid(), geteuid(), getegid()};
  message->cmsg_len = CMSG_LEN(sizeof cred);
  message->cmsg_level = SOL_SOCKET;
  message->cmsg_type = SCM_CREDENTIALS;
  memcpy(CMSG_DATA(message), &cred, sizeof cred);
  return CMSG_SPACE(sizeof cred);
}

/*
 * Without SO_PASSCRED the kernel drops even the credentials a sender attached. As GLib, turn it on for the
 * read; unlike GLib, leave it on: turning it off would race with the next message (GLib #1831).
 */
static int prepare(int fd, uc_received *r) {
  (void)r;
  return uc_pass_set_option(fd, SOL_SOCKET, SO_PASSCRED);
}

static void control(const struct cmsghdr *message, uc_received *r) {
  if (message->cmsg_level != SOL_SOCKET) return;
  if (message->cmsg_type == SCM_PIDFD && uc_pass_items(message, 0, sizeof(int)) == 1) {
    int pidfd;
    memcpy(&pidfd, CMSG_DATA(message), sizeof pidfd);
    uc_pass_hold(r, pidfd);
  } else if (message->cmsg_type == SCM_CREDENTIALS && uc_pass_items(message, 0, sizeof(struct ucred)) == 1) {
    struct ucred cred;
    memcpy(&cred, CMSG_DATA(message), sizeof cred);
    /* Pid 0 and the overflow ids: the kernel recorded nothing (SO_PASSCRED was off when the byte was sent). */
    if (cred.pid == 0 && cred.uid == overflow_id("/proc/sys/kernel/overflowuid") && cred.gid == overflow_id("/proc/sys/kernel/overflowgid")) {
      return;
    }
    uc_pass_put_credentials(r, (uint32_t)cred.pid, cred.uid, cred.gid, NULL, 0);
  }
}

static const uc_pass_os linux_messages = {enable, attach, prepare, control};

UC_PASSING_OPS(linux_messages)
