/*
 * Solaris and illumos for unix_cred/passing.h. SO_RECVUCRED gives SCM_UCRED on datagram sockets only
 * (PLATFORMS.md section 2), so on a stream the byte travels alone and the receiver reports the peer's
 * credentials (getpeerucred), as GLib does. Built with -D_XOPEN_SOURCE=600 -D__EXTENSIONS__ for msg_control.
 */
#include "unix_cred/passing.h"

UC_PASSING_OPS(uc_pass_no_messages)
