/*
 * Stand-in of the 4.4BSD family's <sys/socket.h> (FreeBSD, DragonFly, NetBSD, OpenBSD, macOS): the shared
 * values, and their sockaddr with its leading length byte.
 */
#ifndef UC_STANDIN_SYS_SOCKET_H
#define UC_STANDIN_SYS_SOCKET_H
#include <sys/types.h>

#include <sys/socket_4_2bsd.h>

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
#endif
