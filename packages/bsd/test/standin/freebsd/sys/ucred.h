/*
 * Stand-in of FreeBSD's <sys/ucred.h> (struct xucred: 88 bytes on amd64): 13.0 added cr_pid in place of the old
 * ucred pointer (-D__FreeBSD__=12 builds the older header).
 */
#ifndef UC_STANDIN_SYS_UCRED_H
#define UC_STANDIN_SYS_UCRED_H
#include <sys/types.h>

#define XU_NGROUPS 16

struct xucred {
  u_int cr_version;
  uid_t cr_uid;
  short cr_ngroups;
  union {
    struct {
      gid_t cr_gid;
      gid_t cr_sgroups[XU_NGROUPS - 1];
    };
    gid_t cr_groups[XU_NGROUPS];
  };
#if __FreeBSD__ >= 13
  union {
    void *_cr_unused1;
    pid_t cr_pid;
  };
#else
  void *_cr_unused1;
#endif
};
#define XUCRED_VERSION 0
#endif
