/* Stand-in of NetBSD's <sys/un.h> (the _NETBSD_SOURCE part): LOCAL_PEEREID and struct unpcbid. */
#ifndef UC_STANDIN_SYS_UN_H
#define UC_STANDIN_SYS_UN_H
#include <sys/types.h>

#define LOCAL_CONNWAIT 0x0002
#define LOCAL_CREDS    0x0004
#define LOCAL_PEEREID  0x0003

struct unpcbid {
  pid_t unp_pid;
  uid_t unp_euid;
  gid_t unp_egid;
};
#endif
