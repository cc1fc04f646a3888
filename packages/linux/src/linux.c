/*
 * Linux: everything this package asks of the kernel, in one file that talks only to the Linux/glibc/musl headers
 * and the unix_cred headers.
 *
 * Peer credentials, reviewed against docs/platforms.md section 1: SO_PEERCRED answers pid=0 uid=gid=(uid_t)-1 for a
 * TCP or unconnected socket and the listener's own ids for a listening one; neither may reach a caller.
 *
 * The calling process (credentials(7)): getresuid/getresgid give the real, effective and saved ids in one call
 * each; setfsuid/setfsgid give the file-system ids.
 *
 * Credential messages for unix_cred/passing.h, reviewed against docs/platforms.md section 5: SCM_CREDENTIALS carries
 * what the sender states (its pid, euid and egid, which the kernel checks), or, when it states nothing, what the
 * kernel records if SO_PASSCRED was on when it sent: pid and REAL ids. SO_PASSPIDFD (6.5+) adds SCM_PIDFD, a pidfd
 * of the sender. Accepted sockets inherit both options.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/fsuid.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

#include "unix_cred/linux_options.h"
#include "unix_cred/passing.h"
#include "unix_cred/process.h"

_Static_assert(sizeof(gid_t) == sizeof(uint32_t), "gid_t is 32 bits");

static int peer_ucred(int fd, int arg, struct ucred *cred) {
  int rc = uc_refuse_listening(fd, arg);
  if (rc != 0) return rc;
  socklen_t len = sizeof *cred;
  if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, cred, &len) != 0) return -errno;
  if (len != sizeof *cred) return UC_E_BAD_LENGTH;
  if (cred->pid == 0 && cred->uid == (uid_t)-1 && cred->gid == (gid_t)-1) return uc_classify_no_peer(fd, UC_E_NO_PEER);
  return 0;
}

/* After ERANGE, len is the size the kernel needs: grows out->bytes to it. qemu-user passes SO_PEERGROUPS' ERANGE
 * on without that size: UC_E_BAD_LENGTH then, not an endless loop. */
static int grow_on_erange(uc_out *out, socklen_t *len) {
  if (*len <= out->capacity) return UC_E_BAD_LENGTH;
  if (uc_out_reserve(out, *len) == NULL) return UC_E_NO_MEMORY;
  *len = (socklen_t)out->capacity;
  return 0;
}

/* SO_PEERGROUPS into out->bytes, growing it when the kernel says ERANGE. Returns the byte count. */
static int peer_groups(int fd, uc_out *out) {
#ifdef SO_PEERGROUPS
  socklen_t len = (socklen_t)out->capacity;
  while (getsockopt(fd, SOL_SOCKET, SO_PEERGROUPS, out->bytes, &len) != 0) {
    if (errno == ENOPROTOOPT) return UC_E_UNSUPPORTED;
    if (errno == ENODATA) return uc_classify_no_peer(fd, UC_E_NO_PEER);
    if (errno != ERANGE) return -errno;
    int grown = grow_on_erange(out, &len);
    if (grown != 0) return grown;
  }
  return (int)len;
#else
  (void)fd;
  (void)out;
  return UC_E_UNSUPPORTED;
#endif
}

static void put_ucred(uc_out *out, const struct ucred *cred) {
  out->words[0] = (uint32_t)cred->pid;
  out->words[1] = cred->uid;
  out->words[2] = cred->gid;
}

int uc_linux_peer_cred(int fd, int arg, uc_out *out) {
  struct ucred cred;
  int rc = peer_ucred(fd, arg, &cred);
  if (rc != 0) return rc;
  put_ucred(out, &cred);
  return 0;
}

int uc_linux_peer_cred_groups(int fd, int arg, uc_out *out) {
  struct ucred cred;
  int rc = peer_ucred(fd, arg, &cred);
  if (rc != 0) return rc;
  put_ucred(out, &cred);
  return peer_groups(fd, out);
}

int uc_linux_peer_groups(int fd, int arg, uc_out *out) {
  int rc = uc_refuse_listening(fd, arg);
  return rc != 0 ? rc : peer_groups(fd, out);
}

/* words: [0] pidfd (owned by the caller), [1] pid. */
int uc_linux_peer_pidfd(int fd, int arg, uc_out *out) {
#ifdef SO_PEERPIDFD
  struct ucred cred;
  int rc = peer_ucred(fd, arg, &cred);
  if (rc != 0) return rc;
  int pidfd = -1;
  socklen_t len = sizeof pidfd;
  if (getsockopt(fd, SOL_SOCKET, SO_PEERPIDFD, &pidfd, &len) != 0) {
    if (errno == ENOPROTOOPT) return UC_E_UNSUPPORTED;
    if (errno == ENODATA) return uc_classify_no_peer(fd, UC_E_NO_PEER);
    return -errno;
  }
  out->words[0] = (uint32_t)pidfd;
  out->words[1] = (uint32_t)cred.pid;
  return 0;
#else
  (void)fd;
  (void)arg;
  (void)out;
  return UC_E_UNSUPPORTED;
#endif
}

/* words: [0] 1 when a label was returned, 0 when no LSM labels sockets. Returns the label's byte count. */
int uc_linux_peer_security(int fd, int arg, uc_out *out) {
  struct ucred cred;
  int rc = peer_ucred(fd, arg, &cred);
  if (rc != 0) return rc;
  socklen_t len = (socklen_t)out->capacity;
  while (getsockopt(fd, SOL_SOCKET, SO_PEERSEC, out->bytes, &len) != 0) {
    if (errno == ENOPROTOOPT) {
      out->words[0] = 0;
      return 0;
    }
    if (errno != ERANGE) return -errno;
    int grown = grow_on_erange(out, &len);
    if (grown != 0) return grown;
  }
  while (len > 0 && out->bytes[len - 1] == '\0') len--;
  out->words[0] = 1;
  return (int)len;
}

/* 1 while the process of a pidfd runs, 0 once it has exited (a pidfd polls readable then). */
int uc_linux_pidfd_alive(int pidfd, int arg, uc_out *out) {
  (void)arg;
  (void)out;
  struct pollfd entry = {.fd = pidfd, .events = POLLIN};
  int ready;
  do ready = poll(&entry, 1, 0);
  while (ready < 0 && errno == EINTR);
  if (ready < 0) return -errno;
  if (entry.revents & POLLNVAL) return -EBADF;
  return ready == 0;
}

int uc_linux_pidfd_signal(int pidfd, int signal_number, uc_out *out) {
  (void)out;
  if (syscall(SYS_pidfd_send_signal, pidfd, signal_number, NULL, 0) != 0) return errno == ENOSYS ? UC_E_UNSUPPORTED : -errno;
  return 0;
}

int uc_linux_close(int fd, int arg, uc_out *out) {
  (void)arg;
  (void)out;
  return close(fd) == 0 ? 0 : -errno;
}

int uc_linux_process_credentials(int fd, int arg, uc_out *out) {
  (void)fd;
  (void)arg;
  uc_process_ids ids;
  if (!UC_GETRES_IDS(&ids)) return -errno;
  /*
   * setfsuid answers the fsuid it found; -1 is no valid id, so the kernel changes nothing. One system call
   * each, and no dependence on /proc (absent in some containers and chroots, or mounted with hidepid).
   */
  ids.fsuid = (uid_t)setfsuid((uid_t)-1);
  ids.fsgid = (gid_t)setfsgid((gid_t)-1);
  ids.known = UC_KNOWN_SUID | UC_KNOWN_FSUID | UC_KNOWN_SGID | UC_KNOWN_FSGID;
  return uc_put_process(&ids, out);
}

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
  if (rc == 0)
    out->words[0] |= UC_PASS_ENABLED_PIDFD;
  else if (rc != -ENOPROTOOPT)
    return rc;
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
    if (cred.pid == 0 && cred.uid == overflow_id("/proc/sys/kernel/overflowuid") &&
        cred.gid == overflow_id("/proc/sys/kernel/overflowgid")) {
      return;
    }
    uc_pass_put_credentials(r, (uint32_t)cred.pid, cred.uid, cred.gid, NULL, 0);
  }
}

static const uc_pass_os linux_messages = {enable, attach, prepare, control};

UC_PASSING_OPS(linux_messages)

UC_OPERATIONS({"peerCred", uc_linux_peer_cred}, {"peerCredGroups", uc_linux_peer_cred_groups},
              {"peerGroups", uc_linux_peer_groups}, {"peerPidfd", uc_linux_peer_pidfd}, {"peerSecurity", uc_linux_peer_security},
              {"pidfdAlive", uc_linux_pidfd_alive}, {"pidfdSignal", uc_linux_pidfd_signal}, {"close", uc_linux_close},
              {"processCredentials", uc_linux_process_credentials});
