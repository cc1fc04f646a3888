/*
 * Stand-in of struct msghdr, struct cmsghdr and the CMSG_* macros, as the 4.4BSD family and illumos (_XPG4_2)
 * define them: the data of a control message starts after its header rounded up to UC_CMSG_ALIGN bytes (8 on
 * the BSDs' LP64, 4 on macOS and illumos). Included by each stand-in <sys/socket.h>, which defines UC_CMSG_ALIGN.
 */
#ifndef UC_STANDIN_SYS_CMSG_H
#define UC_STANDIN_SYS_CMSG_H
#include <stdint.h>
#include <sys/uio.h>

struct msghdr {
  void *msg_name;
  socklen_t msg_namelen;
  struct iovec *msg_iov;
  int msg_iovlen;
  void *msg_control;
  socklen_t msg_controllen;
  int msg_flags;
};

struct cmsghdr {
  socklen_t cmsg_len;
  int cmsg_level;
  int cmsg_type;
};

#define UC_CMSG_ROUND(n) (((uintptr_t)(n) + UC_CMSG_ALIGN - 1) & ~(uintptr_t)(UC_CMSG_ALIGN - 1))
#define CMSG_DATA(c)     ((unsigned char *)(c) + UC_CMSG_ROUND(sizeof(struct cmsghdr)))
#define CMSG_LEN(l)      (UC_CMSG_ROUND(sizeof(struct cmsghdr)) + (l))
#define CMSG_SPACE(l)    (UC_CMSG_ROUND(sizeof(struct cmsghdr)) + UC_CMSG_ROUND(l))
#define CMSG_FIRSTHDR(m) \
  ((m)->msg_controllen >= sizeof(struct cmsghdr) ? (struct cmsghdr *)(m)->msg_control : (struct cmsghdr *)0)
#define CMSG_NXTHDR(m, c)                                                               \
  ((char *)(c) + UC_CMSG_ROUND((c)->cmsg_len) + UC_CMSG_ROUND(sizeof(struct cmsghdr)) > \
           (char *)(m)->msg_control + (m)->msg_controllen                               \
       ? (struct cmsghdr *)0                                                            \
       : (struct cmsghdr *)(void *)((char *)(c) + UC_CMSG_ROUND((c)->cmsg_len)))
#endif
