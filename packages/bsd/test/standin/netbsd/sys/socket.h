/* Stand-in of NetBSD's <sys/socket.h>: the 4.4BSD base plus SCM_CREDS and struct sockcred (sc_pid first). */
#ifndef UC_STANDIN_NETBSD_SYS_SOCKET_H
#define UC_STANDIN_NETBSD_SYS_SOCKET_H
#include_next <sys/socket.h>

#define SCM_CREDS 0x10

struct sockcred {
  pid_t sc_pid;
  UC_SOCKCRED_IDS;
};
#endif
