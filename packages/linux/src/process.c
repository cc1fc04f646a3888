/*
 * The credentials of the calling process on Linux (credentials(7)): getresuid/getresgid give the real,
 * effective and saved ids in one call each; setfsuid/setfsgid give the file-system ids.
 */
#define _GNU_SOURCE
#include <sys/fsuid.h>
#include <unistd.h>

#include "unix_cred/process.h"
#include "linux_ops.h"

int uc_linux_process_credentials(int fd, int arg, uc_out *out) {
  (void)fd;
  (void)arg;
  uc_process_ids ids;
  if (getresuid(&ids.ruid, &ids.euid, &ids.suid) != 0 || getresgid(&ids.rgid, &ids.egid, &ids.sgid) != 0) return -errno;
  /*
   * setfsuid answers the fsuid it found; -1 is no valid id, so the kernel changes nothing. One system call
   * each, and no dependence on /proc (absent in some containers and chroots, or mounted with hidepid).
   */
  ids.fsuid = (uid_t)setfsuid((uid_t)-1);
  ids.fsgid = (gid_t)setfsgid((gid_t)-1);
  ids.known = UC_KNOWN_SUID | UC_KNOWN_FSUID | UC_KNOWN_SGID | UC_KNOWN_FSGID;
  return uc_put_process(&ids, out);
}
