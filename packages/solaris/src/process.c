/*
 * The credentials of the calling process on Solaris and illumos (credentials(7)). There is no getresuid:
 * the saved ids come from the process's own ucred_t, ucred_get(P_MYID) (ucred_get(3C)), the documented
 * reader of what /proc/self/cred holds. Should it fail (no memory), they are reported unknown.
 */
#include <sys/types.h>
#include <ucred.h>
#include <unistd.h>

#include "unix_cred/process.h"
#include "solaris_ops.h"

int uc_solaris_process_credentials(int fd, int arg, uc_out *out) {
  (void)fd;
  (void)arg;
  uc_process_ids ids = uc_posix_ids();
  ucred_t *cred = ucred_get(P_MYID);
  if (cred != NULL) {
    ids.suid = ucred_getsuid(cred);
    ids.sgid = ucred_getsgid(cred);
    /* A getter answers -1 for a field it cannot report. */
    if (ids.suid != (uid_t)-1) ids.known |= UC_KNOWN_SUID;
    if (ids.sgid != (gid_t)-1) ids.known |= UC_KNOWN_SGID;
    ucred_free(cred);
  }
  return uc_put_process(&ids, out);
}
