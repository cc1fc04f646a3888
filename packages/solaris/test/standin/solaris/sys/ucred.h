/*
 * Stand-in of illumos's <sys/ucred.h> with _STRUCTURED_PROC: struct ucred_s, the layout of a ucred_t that
 * src/solaris.c checks before libc's getters read it (docs/platforms.md 5.1).
 */
#ifndef UC_STANDIN_SYS_UCRED_H
#define UC_STANDIN_SYS_UCRED_H
#include <sys/types.h>
#include <sys/procfs.h>

struct ucred_s {
  uint32_t uc_size;
  uint32_t uc_credoff;
  uint32_t uc_privoff;
  pid_t uc_pid;
  uint32_t uc_audoff;
  int32_t uc_zoneid;
  int32_t uc_projid;
  uint32_t uc_labeloff;
};
#endif
