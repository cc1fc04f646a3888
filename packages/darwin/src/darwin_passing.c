/*
 * macOS for unix_cred/passing.h: no credential messages (docs/platforms.md section 5). The byte travels alone and the
 * receiver reports the peer's credentials (LOCAL_PEERCRED, LOCAL_PEERPID), as GLib does. macOS has no
 * MSG_CMSG_CLOEXEC: passing.h sets FD_CLOEXEC on each received descriptor right after recvmsg.
 */
#include "unix_cred/passing.h"

UC_PASSING_OPS(uc_pass_no_messages)
