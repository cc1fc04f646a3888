/*
 * The credentials of the calling process on FreeBSD, DragonFly, OpenBSD and NetBSD (credentials(7)).
 * FreeBSD, DragonFly and OpenBSD have getresuid/getresgid; NetBSD has no call for the saved ids.
 */
#include <sys/types.h>
#include <unistd.h>

#include "unix_cred/process.h"
#include "bsd_ops.h"

int uc_bsd_process_credentials(int fd, int arg, uc_out *out) {
  (void)fd;
  (void)arg;
#if defined(__FreeBSD__) || defined(__DragonFly__) || defined(__OpenBSD__)
  uc_process_ids ids = {.known = UC_KNOWN_SUID | UC_KNOWN_SGID};
  if (getresuid(&ids.ruid, &ids.euid, &ids.suid) != 0 || getresgid(&ids.rgid, &ids.egid, &ids.sgid) != 0) return -errno;
#else
  uc_process_ids ids = uc_posix_ids();
#endif
  return uc_put_process(&ids, out);
}
