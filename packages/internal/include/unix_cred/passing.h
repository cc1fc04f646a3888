/*
 * Credential and descriptor passing over a UNIX-domain socket in GLib UnixConnection's wire format (one
 * byte plus its control message), written once against POSIX headers. Every op makes ONE non-blocking
 * sendmsg or recvmsg: UC_E_WOULD_BLOCK tells the caller to wait for the socket (unix_cred/async.h does,
 * on the caller's event loop) and call again. An OS file describes its credential messages in a
 * uc_pass_os and defines the ops of unix_cred/passing_ops.h with UC_PASSING_OPS.
 *
 * Inputs travel in the result buffer: the caller writes them into words and bytes before the call.
 *   arg bit UC_PASS_CHECK: a descriptor not seen before: check it is AF_UNIX first (a TCP socket would drop control
 *                          messages), and expect any socket type (a net.Socket, checked once, is a stream). The
 *                          send and receive ops also refuse a listening socket (UC_E_LISTENING: ENOTCONN, as the
 *                          peer queries) before they set any option on it; passEnable takes one (a server).
 *   passEnable             words out: [0] UC_PASS_ENABLED_* bits.
 *   passSendCredentials    one NUL byte with the OS's credential message. Returns 1.
 *   passReceiveCredentials arg bit UC_PASS_KEEP_PIDFD. Reads one byte: of a stream; of a datagram or seqpacket
 *                          socket the whole message it begins (one recvmsg is one message; the rest of its data
 *                          is discarded). words out: [0] UC_CRED_* bits, [1] pid, [2] uid, [3] gid, [4] pidfd;
 *                          bytes: the groups. Returns their byte count.
 *   passSendFds            arg >> 1 descriptors (n); words[0]: data length; bytes: n ints, then the data.
 *                          Returns the bytes sent: the descriptors went with the first of them.
 *   passReceiveFds         arg >> 1: most descriptors kept (the rest are closed); words[0]: most data bytes.
 *                          words out: [0] descriptors, [1] data bytes, [2] 1 when a datagram or seqpacket message
 *                          was longer and the kernel discarded its rest (MSG_TRUNC); bytes: the descriptors, then the data.
 */
#ifndef UNIX_CRED_PASSING_H
#define UNIX_CRED_PASSING_H

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include "unix_cred/posix.h"
#include "unix_cred/passing_ops.h"

/* Room to receive: all a message may carry (UC_PASS_MAX_RECEIVE_FDS), else the kernel truncates it, plus credentials. */
#define UC_PASS_CONTROL_SIZE (sizeof(int) * UC_PASS_MAX_RECEIVE_FDS + 1024)

typedef union uc_pass_control {
  struct cmsghdr header; /* aligns the buffer for the CMSG_* macros */
  unsigned char bytes[UC_PASS_CONTROL_SIZE];
} uc_pass_control;

/* What one receive found besides the data. */
typedef struct uc_received {
  int arg;
  int mode;       /* what the OS's prepare found (illumos: a datagram socket with SO_RECVUCRED on) */
  uc_out *out;    /* where credentials go; NULL when the call does not want them or the control data was cut */
  uint32_t flags; /* UC_CRED_* */
  int groups;     /* byte count of the groups in out->bytes, or UC_E_NO_MEMORY */
  int held_fd;    /* a descriptor an OS message carried (Linux SCM_PIDFD), -1 for none */
  int truncated;  /* the message had more data than the receive took (MSG_TRUNC) */
  size_t count;   /* SCM_RIGHTS descriptors in fds, in arrival order */
  int fds[UC_PASS_CONTROL_SIZE / sizeof(int)];
} uc_received;

/* One OS's credential messages; a NULL member: the OS has none of that. */
typedef struct uc_pass_os {
  /* enableCredentialPassing: the options that make the kernel attach credentials. */
  int (*enable)(int fd, uc_out *out);
  /* sendCredentials: writes the sender's message at `message`; returns its CMSG_SPACE. */
  size_t (*attach)(struct cmsghdr *message);
  /* receiveCredentials, before the recvmsg. */
  int (*prepare)(int fd, uc_received *r);
  /* Every control message but SCM_RIGHTS, on every receive: decodes credentials, holds or closes descriptors. */
  void (*control)(const struct cmsghdr *message, uc_received *r);
} uc_pass_os;

/* OpenBSD, macOS, illumos: no credential messages on streams; the receiver reports the peer's credentials. */
static const uc_pass_os uc_pass_no_messages = {NULL, NULL, NULL, NULL};

static inline int uc_pass_failure(int error) { return error == EAGAIN || error == EWOULDBLOCK ? UC_E_WOULD_BLOCK : -error; }

/* Whether fd is a datagram socket: one whose messages may be empty, and whose senders may be anyone. */
static inline int uc_pass_is_datagram(int fd, int arg) {
  if (!(arg & UC_PASS_CHECK)) return 0;
  int type = 0;
  socklen_t len = sizeof type;
  return getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) == 0 && type == SOCK_DGRAM;
}

static inline int uc_pass_check(int fd, int arg) {
  if (!(arg & UC_PASS_CHECK)) return 0;
  int is_unix = uc_is_unix_socket(fd);
  return is_unix < 0 ? is_unix : is_unix ? 0 : UC_E_NOT_UNIX;
}

/* For the send and receive ops: uc_pass_check, and a listening socket has no peer to pass anything with. */
static inline int uc_pass_check_connected(int fd, int arg) {
  int rc = uc_pass_check(fd, arg);
  return rc != 0 || !(arg & UC_PASS_CHECK) ? rc : uc_refuse_listening(fd, UC_CHECK_LISTENING);
}

/*
 * How many items of `size` bytes a control message holds after `offset` bytes of its data. uc_pass_receive
 * clamped its cmsg_len to the control data received first: a kernel that cuts a message keeps its length.
 */
static inline size_t uc_pass_items(const struct cmsghdr *message, size_t offset, size_t size) {
  size_t header = CMSG_LEN(0);
  return message->cmsg_len < header + offset ? 0 : (message->cmsg_len - header - offset) / size;
}

/* For the control hooks: the ids of a credential message, and room for `count` groups (NULL: none to copy). */
static inline unsigned char *uc_pass_put_ids(uc_received *r, uint32_t pid, uint32_t uid, uint32_t gid, int has_groups,
                                             size_t count) {
  if (r->out == NULL || (r->flags & UC_CRED_MESSAGE)) return NULL;
  r->flags |= UC_CRED_MESSAGE | (pid != 0 ? UC_CRED_PID : 0u) | (has_groups ? UC_CRED_GROUPS : 0u);
  r->out->words[1] = pid;
  r->out->words[2] = uid;
  r->out->words[3] = gid;
  if (!has_groups || count == 0) return NULL;
  unsigned char *bytes = uc_out_reserve(r->out, count * sizeof(gid_t));
  if (bytes == NULL) {
    r->groups = UC_E_NO_MEMORY;
    return NULL;
  }
  r->groups = (int)(count * sizeof(gid_t));
  return bytes;
}

/* For an OS's control hook: a credential message's ids (pid 0: unknown) and groups (NULL: none reported). */
static inline void uc_pass_put_credentials(uc_received *r, uint32_t pid, uint32_t uid, uint32_t gid, const void *groups,
                                           size_t count) {
  unsigned char *bytes = uc_pass_put_ids(r, pid, uid, gid, groups != NULL, count);
  /* Copied (not cast): the message's alignment is the OS's, not necessarily gid_t's. */
  if (bytes != NULL) memcpy(bytes, groups, count * sizeof(gid_t));
}

/* For an OS's control hook: drops what an earlier message of the same receive reported (a later one is the truer). */
static inline void uc_pass_forget_credentials(uc_received *r) {
  r->flags &= ~(UC_CRED_MESSAGE | UC_CRED_PID | UC_CRED_GROUPS);
  r->groups = 0;
}

/*
 * For an OS's control hook: a struct sockcred or sockcred2, whose data holds ids, then at `offset` an array of
 * gids: at most `count` of them, never more than the message holds. Their list is reported as an xucred's, the
 * effective gid first (docs/platforms.md section 5): FreeBSD 15 and NetBSD put only the supplementary groups
 * there, FreeBSD before 15 the effective gid first; it is added where it does not lead already.
 */
static inline void uc_pass_put_message(uc_received *r, uint32_t pid, uint32_t uid, uint32_t gid, const struct cmsghdr *message,
                                       size_t offset, int count) {
  size_t held = uc_pass_items(message, offset, sizeof(gid_t));
  size_t listed = count < 0 ? 0 : (size_t)count < held ? (size_t)count : held;
  const unsigned char *groups = (const unsigned char *)CMSG_DATA(message) + offset;
  uint32_t first = 0;
  if (listed > 0) memcpy(&first, groups, sizeof first);
  size_t lead = listed == 0 || first != gid;
  unsigned char *bytes = uc_pass_put_ids(r, pid, uid, gid, 1, lead + listed);
  if (bytes == NULL) return;
  if (lead) memcpy(bytes, &gid, sizeof gid);
  memcpy(bytes + lead * sizeof(gid_t), groups, listed * sizeof(gid_t));
}

/* For an OS's enable and prepare hooks: turns an int socket option on. */
static inline int uc_pass_set_option(int fd, int level, int name) {
  int on = 1;
  return setsockopt(fd, level, name, &on, sizeof on) == 0 ? 0 : -errno;
}

/*
 * For an OS's enable hook where the kernel attaches credentials to datagrams only (illumos SO_RECVUCRED,
 * DragonFly SO_PASSCRED): sets the option there; on any other socket it would change nothing, so nothing is set
 * and nothing reported.
 */
static inline int uc_pass_enable_on_datagrams(int fd, uc_out *out, int level, int name) {
  if (!uc_pass_is_datagram(fd, UC_PASS_CHECK)) return 0;
  int rc = uc_pass_set_option(fd, level, name);
  if (rc == 0) out->words[0] = UC_PASS_ENABLED_CREDENTIALS;
  return rc;
}

/* For an OS's control hook: keeps a descriptor a message carried (a second one replaces the first). */
static inline void uc_pass_hold(uc_received *r, int fd) {
  if (r->held_fd >= 0) close(r->held_fd);
  r->held_fd = fd;
}

static inline void uc_pass_close(const int *fds, size_t count) {
  for (size_t i = 0; i < count; i++) close(fds[i]);
}

static inline int uc_pass_send(int fd, const void *data, size_t len, uc_pass_control *control, size_t control_len) {
  struct iovec iov = {(void *)data, len};
  struct msghdr msg;
  memset(&msg, 0, sizeof msg);
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control_len != 0 ? control : NULL;
  msg.msg_controllen = control_len;
  ssize_t sent;
  do sent = sendmsg(fd, &msg, MSG_DONTWAIT);
  while (sent < 0 && errno == EINTR);
  return sent < 0 ? uc_pass_failure(errno) : (int)sent;
}

/*
 * One recvmsg of up to len bytes: every descriptor that arrives is in r->fds or r->held_fd, close-on-exec
 * (MSG_CMSG_CLOEXEC where it exists, else FD_CLOEXEC at once: macOS). On failure, on end of stream and on
 * truncated control data (MSG_CTRUNC) all of them are closed and the error returned. 0 bytes is the end of a
 * stream or seqpacket connection, but an empty datagram: the socket's type is asked only then.
 */
static inline int uc_pass_receive(const uc_pass_os *os, int fd, void *data, size_t len, uc_received *r) {
  uc_pass_control control;
  struct iovec iov = {data, len};
  struct msghdr msg;
  memset(&msg, 0, sizeof msg);
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = &control;
  msg.msg_controllen = sizeof control;
#ifdef MSG_CMSG_CLOEXEC
  const int flags = MSG_DONTWAIT | MSG_CMSG_CLOEXEC;
#else
  const int flags = MSG_DONTWAIT;
#endif
  ssize_t got;
  do got = recvmsg(fd, &msg, flags);
  while (got < 0 && errno == EINTR);
  if (got < 0) return uc_pass_failure(errno);
  r->truncated = (msg.msg_flags & MSG_TRUNC) != 0;
  /* Cut control data: no credentials are decoded from it (descriptors still are, to be closed). */
  if (msg.msg_flags & MSG_CTRUNC) r->out = NULL;
  const unsigned char *end = (const unsigned char *)msg.msg_control + msg.msg_controllen;
  for (struct cmsghdr *message = CMSG_FIRSTHDR(&msg); message != NULL; message = CMSG_NXTHDR(&msg, message)) {
    /*
     * The BSDs, macOS and illumos copy a message cut short with its whole cmsg_len (docs/platforms.md section 6):
     * clamped to the bytes received, every reader below sees only those. A length under a header ends the walk.
     */
    size_t room = (size_t)(end - (const unsigned char *)message);
    if (message->cmsg_len > room) message->cmsg_len = room;
    if (message->cmsg_len < CMSG_LEN(0)) break;
    if (message->cmsg_level != SOL_SOCKET || message->cmsg_type != SCM_RIGHTS) {
      if (os->control != NULL) os->control(message, r);
      continue;
    }
    size_t count = uc_pass_items(message, 0, sizeof(int));
    if (count > sizeof r->fds / sizeof r->fds[0] - r->count) count = sizeof r->fds / sizeof r->fds[0] - r->count;
    memcpy(r->fds + r->count, CMSG_DATA(message), count * sizeof(int));
    r->count += count;
  }
#ifndef MSG_CMSG_CLOEXEC
  for (size_t i = 0; i < r->count; i++) fcntl(r->fds[i], F_SETFD, FD_CLOEXEC);
#endif
  int rc = (msg.msg_flags & MSG_CTRUNC)                   ? UC_E_TRUNCATED
           : got == 0 && !uc_pass_is_datagram(fd, r->arg) ? UC_E_PEER_CLOSED
                                                          : (int)got;
  if (rc < 0) {
    uc_pass_close(r->fds, r->count);
    uc_pass_hold(r, -1);
  }
  return rc;
}

static inline void uc_pass_begin(uc_received *r, int arg, uc_out *out) {
  r->arg = arg;
  r->mode = 0;
  r->out = out;
  r->flags = 0;
  r->groups = 0;
  r->held_fd = -1;
  r->truncated = 0;
  r->count = 0;
}

static inline int uc_pass_enable_with(const uc_pass_os *os, int fd, int arg, uc_out *out) {
  out->words[0] = 0;
  int rc = uc_pass_check(fd, arg);
  return rc != 0 || os->enable == NULL ? rc : os->enable(fd, out);
}

static inline int uc_pass_send_credentials_with(const uc_pass_os *os, int fd, int arg) {
  int rc = uc_pass_check_connected(fd, arg);
  if (rc != 0) return rc;
  static const unsigned char nul = 0;
  uc_pass_control control;
  size_t control_len = os->attach != NULL ? os->attach(&control.header) : 0;
  return uc_pass_send(fd, &nul, 1, &control, control_len);
}

static inline int uc_pass_receive_credentials_with(const uc_pass_os *os, int fd, int arg, uc_out *out) {
  int rc = uc_pass_check_connected(fd, arg);
  if (rc != 0) return rc;
  uc_received r;
  uc_pass_begin(&r, arg, out);
  if (os->prepare != NULL && (rc = os->prepare(fd, &r)) != 0) return rc;
  for (int i = 0; i < 5; i++) out->words[i] = 0;
  unsigned char byte;
  rc = uc_pass_receive(os, fd, &byte, 1, &r);
  if (rc < 0) return rc;
  /* Descriptors never belong to a credential byte. */
  uc_pass_close(r.fds, r.count);
  if (r.groups < 0 || !(arg & UC_PASS_KEEP_PIDFD)) uc_pass_hold(&r, -1);
  if (r.groups < 0) return r.groups;
  if (!(r.flags & UC_CRED_MESSAGE) && uc_pass_is_datagram(fd, arg)) r.flags |= UC_CRED_DATAGRAM;
  if (r.held_fd >= 0) {
    r.flags |= UC_CRED_PIDFD;
    out->words[4] = (uint32_t)r.held_fd;
  }
  out->words[0] = r.flags;
  return r.groups;
}

static inline int uc_pass_send_fds_with(int fd, int arg, uc_out *out) {
  int rc = uc_pass_check_connected(fd, arg);
  if (rc != 0) return rc;
  size_t count = (size_t)((unsigned)arg >> 1), len = out->words[0];
  if (count > UC_PASS_MAX_SEND_FDS || len == 0 || count * sizeof(int) + len > out->capacity) return -EINVAL;
  const unsigned char *data = out->bytes + count * sizeof(int);
  if (count == 0) return uc_pass_send(fd, data, len, NULL, 0);
  uc_pass_control control;
  struct cmsghdr *message = &control.header;
  message->cmsg_len = CMSG_LEN(count * sizeof(int));
  message->cmsg_level = SOL_SOCKET;
  message->cmsg_type = SCM_RIGHTS;
  memcpy(CMSG_DATA(message), out->bytes, count * sizeof(int));
  return uc_pass_send(fd, data, len, &control, CMSG_SPACE(count * sizeof(int)));
}

static inline int uc_pass_receive_fds_with(const uc_pass_os *os, int fd, int arg, uc_out *out) {
  int rc = uc_pass_check_connected(fd, arg);
  if (rc != 0) return rc;
  size_t keep = (size_t)((unsigned)arg >> 1), room = out->words[0];
  if (keep > UC_PASS_MAX_RECEIVE_FDS || room == 0) return -EINVAL;
  unsigned char *bytes = uc_out_reserve(out, keep * sizeof(int) + room);
  if (bytes == NULL) return UC_E_NO_MEMORY;
  uc_received r;
  uc_pass_begin(&r, arg, NULL);
  rc = uc_pass_receive(os, fd, bytes + keep * sizeof(int), room, &r);
  if (rc < 0) return rc;
  uc_pass_hold(&r, -1);
  size_t kept = r.count < keep ? r.count : keep;
  uc_pass_close(r.fds + kept, r.count - kept);
  memcpy(bytes, r.fds, kept * sizeof(int));
  memmove(bytes + kept * sizeof(int), bytes + keep * sizeof(int), (size_t)rc);
  out->words[0] = (uint32_t)kept;
  out->words[1] = (uint32_t)rc;
  out->words[2] = (uint32_t)r.truncated;
  return (int)(kept * sizeof(int)) + rc;
}

/*
 * An OS file's op table, which unix_cred/addon.h exports: the OS's own ops ({"name", function}, ...), then the
 * passing ops. The one place an op gets the name JavaScript calls it by.
 */
#define UC_OPERATIONS(...)                                                   \
  const uc_operation uc_operations[] = {__VA_ARGS__, UC_PASSING_OPERATIONS}; \
  const size_t uc_operation_count = sizeof uc_operations / sizeof uc_operations[0]

/* Defines the ops of unix_cred/passing_ops.h for one OS (its uc_pass_os). */
#define UC_PASSING_OPS(OS)                                                                              \
  int uc_pass_enable(int fd, int arg, uc_out *out) { return uc_pass_enable_with(&(OS), fd, arg, out); } \
  int uc_pass_send_credentials(int fd, int arg, uc_out *out) {                                          \
    (void)out;                                                                                          \
    return uc_pass_send_credentials_with(&(OS), fd, arg);                                               \
  }                                                                                                     \
  int uc_pass_receive_credentials(int fd, int arg, uc_out *out) {                                       \
    return uc_pass_receive_credentials_with(&(OS), fd, arg, out);                                       \
  }                                                                                                     \
  int uc_pass_send_fds(int fd, int arg, uc_out *out) { return uc_pass_send_fds_with(fd, arg, out); }    \
  int uc_pass_receive_fds(int fd, int arg, uc_out *out) { return uc_pass_receive_fds_with(&(OS), fd, arg, out); }

#endif
