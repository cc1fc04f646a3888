/* Stand-in of OpenBSD's <sys/socket.h>: the 4.4BSD base plus SO_PEERCRED and its struct. */
#ifndef UC_STANDIN_OPENBSD_SYS_SOCKET_H
#define UC_STANDIN_OPENBSD_SYS_SOCKET_H
#include_next <sys/socket.h>

#define SO_PEERCRED 0x1022

struct sockpeercred {
  uid_t uid;
  gid_t gid;
  pid_t pid;
};
#endif
