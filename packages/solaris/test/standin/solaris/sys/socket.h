/* Stand-in of illumos's <sys/socket.h> with _XPG4_2 (-D_XOPEN_SOURCE=600 -D__EXTENSIONS__): no sa_len. */
#ifndef UC_STANDIN_SYS_SOCKET_H
#define UC_STANDIN_SYS_SOCKET_H
#include <sys/types.h>

#if !defined(__EXTENSIONS__) || _XOPEN_SOURCE < 500
#error "build with -D_XOPEN_SOURCE=600 -D__EXTENSIONS__ (docs/platforms.md section 7)"
#endif

typedef uint32_t socklen_t;
typedef socklen_t *Psocklen_t;
typedef uint16_t sa_family_t;
typedef double sockaddr_maxalign_t;

#include <sys/socket_4_2bsd.h>

/* SVR4's numbers: not the BSDs'. */
#define SOCK_DGRAM     1
#define SOCK_STREAM    2
#define SOCK_SEQPACKET 6
#define AF_INET6       26

struct sockaddr {
  sa_family_t sa_family;
  char sa_data[14];
};

struct sockaddr_storage {
  sa_family_t ss_family;
  char _ss_pad1[6];
  sockaddr_maxalign_t _ss_align;
  char _ss_pad2[240];
};

extern int getsockopt(int, int, int, void *, Psocklen_t);
extern int getsockname(int, struct sockaddr *, Psocklen_t);

/* _XPG4_2's msghdr (msg_control, not the old msg_accrights) and CMSG_* macros, with 4-byte alignment. */
#define UC_CMSG_ALIGN 4
#include <sys/cmsg.h>

#define SCM_RIGHTS       0x1010
#define SCM_UCRED        0x1012
#define SO_RECVUCRED     0x0400
#define MSG_CTRUNC       0x10
#define MSG_TRUNC        0x20 /* illumos usr/src/uts/common/sys/socket.h */
#define MSG_DONTWAIT     0x80
#define MSG_CMSG_CLOEXEC 0x1000

extern int setsockopt(int, int, int, const void *, socklen_t);
extern ssize_t sendmsg(int, const struct msghdr *, int);
extern ssize_t recvmsg(int, struct msghdr *, int);
#endif
