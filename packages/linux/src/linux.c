/*
 * Linux peer credentials. Talks only to the Linux/glibc/musl headers and unix_cred/os.h.
 * Reviewed against docs/platforms.md section 1: SO_PEERCRED answers pid=0 uid=gid=(uid_t)-1 for a TCP or
 * unconnected socket and the listener's own ids for a listening one; neither may reach a caller.
 */
#define _GNU_SOURCE
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

#include "unix_cred/posix.h"
#include "linux_ops.h"
#include "linux_options.h"

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
