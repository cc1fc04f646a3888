/*
 * Stand-in of the 4.4BSD family's <sys/socket.h> (FreeBSD, DragonFly, NetBSD, OpenBSD, macOS): the shared
 * values, and their sockaddr with its leading length byte.
 */
#ifndef UC_STANDIN_SYS_SOCKET_H
#define UC_STANDIN_SYS_SOCKET_H
#include <sys/types.h>

#include <sys/socket_4_2bsd.h>

#define SOCK_STREAM    1
#define SOCK_DGRAM     2
#define SOCK_SEQPACKET 5

struct sockaddr {
  uint8_t sa_len;
  sa_family_t sa_family;
  char sa_data[14];
};

struct sockaddr_storage {
  uint8_t ss_len;
  sa_family_t ss_family;
  char ss_pad1[6];
  int64_t ss_align;
  char ss_pad2[112];
};

int getsockopt(int fd, int level, int name, void *value, socklen_t *len);
int getsockname(int fd, struct sockaddr *address, socklen_t *len);

#ifdef __APPLE__
#define UC_CMSG_ALIGN 4
#else
#define UC_CMSG_ALIGN 8
#endif
#include <sys/cmsg.h>

#define SCM_RIGHTS 0x01

/* The ids every BSD's struct sockcred (LOCAL_CREDS, from 4.4BSD-Lite) ends with; the groups are variable-length. */
#define UC_SOCKCRED_IDS \
  uid_t sc_uid;         \
  uid_t sc_euid;        \
  gid_t sc_gid;         \
  gid_t sc_egid;        \
  int sc_ngroups;       \
  gid_t sc_groups[1]
#define MSG_TRUNC    0x10 /* FreeBSD sys/sys/socket.h, as the others */
#define MSG_CTRUNC   0x20
#define MSG_DONTWAIT 0x80
#if defined(__FreeBSD__)
#define MSG_CMSG_CLOEXEC 0x40000
#elif defined(__DragonFly__)
#define MSG_CMSG_CLOEXEC 0x1000
#elif defined(__NetBSD__) || defined(__OpenBSD__)
#define MSG_CMSG_CLOEXEC 0x800
#endif

int setsockopt(int fd, int level, int name, const void *value, socklen_t len);
ssize_t sendmsg(int fd, const struct msghdr *msg, int flags);
ssize_t recvmsg(int fd, struct msghdr *msg, int flags);
#endif
