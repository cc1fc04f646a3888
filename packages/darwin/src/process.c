/*
 * The credentials of the calling process on macOS (credentials(7)). macOS has no getresuid/getresgid:
 * the saved ids stay unknown (null), as do the file-system ids, which are Linux's alone.
 */
#include <sys/types.h>
#include <unistd.h>

#include "unix_cred/process.h"
#include "darwin_ops.h"

int uc_darwin_process_credentials(int fd, int arg, uc_out *out) {
  (void)fd;
  (void)arg;
  uc_process_ids ids = uc_posix_ids();
  return uc_put_process(&ids, out);
}
