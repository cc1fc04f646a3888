/*
 * Stand-in of the 4.4BSD xucred as DragonFly and macOS keep it: no pid, NGROUPS (16) groups; DragonFly
 * keeps the old ucred pointer after them (88 bytes), macOS does not (76). FreeBSD's has its own stand-in.
 */
#ifndef UC_STANDIN_SYS_UCRED_H
#define UC_STANDIN_SYS_UCRED_H
#include <sys/param.h>

struct xucred {
  u_int cr_version;
  uid_t cr_uid;
  short cr_ngroups;
  gid_t cr_groups[NGROUPS];
#ifdef __DragonFly__
  void *_cr_unused1;
#endif
};
#define XUCRED_VERSION 0
#endif
