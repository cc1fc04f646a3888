/*
 * Stand-in of FreeBSD's and DragonFly's <sys/socket.h>: the 4.4BSD base plus their credential messages.
 * FreeBSD has struct sockcred, and from 13.0 SCM_CREDS2 and struct sockcred2; DragonFly has SO_PASSCRED.
 */
#ifndef UC_STANDIN_FREEBSD_SYS_SOCKET_H
#define UC_STANDIN_FREEBSD_SYS_SOCKET_H
#include_next <sys/socket.h>

#define SCM_CREDS   0x03
#define CMGROUP_MAX 16

struct cmsgcred {
  pid_t cmcred_pid;
  uid_t cmcred_uid;
  uid_t cmcred_euid;
  gid_t cmcred_gid;
  short cmcred_ngroups;
  gid_t cmcred_groups[CMGROUP_MAX];
};

#ifdef __DragonFly__
#define SO_PASSCRED 0x4000
#else
struct sockcred {
  UC_SOCKCRED_IDS;
};

#if __FreeBSD__ >= 13
#define SCM_CREDS2 0x08

struct sockcred2 {
  int sc_version;
  pid_t sc_pid;
  UC_SOCKCRED_IDS;
};
#endif
#endif
#endif
