/* Stand-in of illumos's <sys/procfs.h> with _STRUCTURED_PROC: prcred_t, the credentials inside a ucred_t. */
#ifndef UC_STANDIN_SYS_PROCFS_H
#define UC_STANDIN_SYS_PROCFS_H
#include <sys/types.h>

typedef struct prcred {
  uid_t pr_euid;
  uid_t pr_ruid;
  uid_t pr_suid;
  gid_t pr_egid;
  gid_t pr_rgid;
  gid_t pr_sgid;
  int pr_ngroups;
  gid_t pr_groups[1];
} prcred_t;
#endif
