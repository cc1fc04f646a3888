/*
 * Checks every OS file makes around its credentials call, written once against POSIX headers only.
 */
#ifndef UNIX_CRED_POSIX_H
#define UNIX_CRED_POSIX_H

#include <errno.h>
#include <sys/socket.h>
#include <sys/types.h>

#include "unix_cred/os.h"

/*
 * Whether a peer query must ask SO_ACCEPTCONN first. The BSDs and macOS refuse a listener inside the peer option
 * (ENOTCONN, NetBSD EINVAL), and macOS, DragonFly and older OpenBSD have no SO_ACCEPTCONN at all (ENOPROTOOPT):
 * there the call would only fail or be wasted (docs/platforms.md 2, 3). Everywhere else it is asked: Linux answers
 * a listener with the ids of whoever called listen(), and Solaris's source cannot be read.
 */
#if defined(__APPLE__) || defined(__FreeBSD__) || defined(__DragonFly__) || defined(__OpenBSD__) || defined(__NetBSD__)
#define UC_ASK_ACCEPTCONN 0
#else
#define UC_ASK_ACCEPTCONN 1
#endif

/* Refuses a listening socket where the kernel would answer it with the credentials of whoever called listen(). */
static inline int uc_refuse_listening(int fd, int arg) {
  if (!UC_ASK_ACCEPTCONN || !(arg & UC_CHECK_LISTENING)) return 0;
  int listening = 0;
  socklen_t len = sizeof listening;
  if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) != 0) return -errno;
  return listening ? UC_E_LISTENING : 0;
}

/*
 * The socket's address family (AF_UNIX, AF_INET ...), or -errno. A successful empty name is an unbound AF_UNIX
 * socket: DragonFly before 5.4 answers a client or a socketpair end so (its uipc_sockaddr gives no name, and
 * kern_getsockname then says length 0: docs/platforms.md section 4); every other family always has a name.
 */
static inline int uc_socket_family(int fd) {
  struct sockaddr_storage address;
  socklen_t len = sizeof address;
  address.ss_family = AF_UNSPEC;
  if (getsockname(fd, (struct sockaddr *)&address, &len) != 0) return -errno;
  return len == 0 ? AF_UNIX : address.ss_family;
}

/* 1 for an AF_UNIX socket, 0 for another family, -errno on failure. */
static inline int uc_is_unix_socket(int fd) {
  int family = uc_socket_family(fd);
  return family < 0 ? family : family == AF_UNIX;
}

/*
 * What a failed or implausible peer answer means: a socket of another family (whose level-0 options
 * are IP options on the BSDs), else `otherwise` (an AF_UNIX socket with no valid peer, or the error).
 */
static inline int uc_classify_no_peer(int fd, int otherwise) {
  int is_unix = uc_is_unix_socket(fd);
  if (is_unix < 0) return is_unix;
  return is_unix ? otherwise : UC_E_NOT_UNIX;
}

/*
 * What a failed peer query's errno means on a socket of a family the query serves: EINVAL/ENOTCONN is
 * "no valid peer" (unconnected, a datagram socket, a NetBSD socketpair); ENOPROTOOPT/EOPNOTSUPP is an
 * option this kernel lacks.
 */
static inline int uc_peer_failure(int error) {
  if (error == EINVAL || error == ENOTCONN) return UC_E_NO_PEER;
  if (error == ENOPROTOOPT || error == EOPNOTSUPP) return UC_E_UNSUPPORTED;
  return -error;
}

/* uc_peer_failure where the family is not known yet: on another family each is ERR_NOT_UNIX (that family answered with its own
 * options). */
static inline int uc_classify_failure(int fd, int error) {
  int rc = uc_peer_failure(error);
  return rc == -error ? rc : uc_classify_no_peer(fd, rc);
}

/*
 * A peer query by getsockopt: refuses a listening socket, then reads option (level, name), which must
 * answer exactly `size` bytes. Another length is classified first: on the BSDs level 0 is IPPROTO_IP
 * on an inet socket, whose IP options answer with their own lengths.
 */
static inline int uc_peer_option(int fd, int arg, int level, int name, void *value, socklen_t size) {
  int rc = uc_refuse_listening(fd, arg);
  if (rc != 0) return rc;
  socklen_t len = size;
  if (getsockopt(fd, level, name, value, &len) != 0) return uc_classify_failure(fd, errno);
  return len == size ? 0 : uc_classify_no_peer(fd, UC_E_BAD_LENGTH);
}

/*
 * Before an option whose level other families share and whose size their options may answer too (the BSDs'
 * level 0 is IPPROTO_IP: macOS's LOCAL_PEERPID has IP_HDRINCL's number, both an int): refuses a listening
 * socket where the kernel would not (uc_refuse_listening), then any but AF_UNIX.
 */
static inline int uc_check_unix_peer(int fd, int arg) {
  int rc = uc_refuse_listening(fd, arg);
  return rc != 0 ? rc : uc_classify_no_peer(fd, 0);
}

#endif
