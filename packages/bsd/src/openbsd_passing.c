/*
 * OpenBSD for unix_cred/passing.h: no credential messages of any kind (docs/platforms.md section 5). The byte travels
 * alone and the receiver reports the peer's credentials (SO_PEERCRED), as GLib does; descriptors pass as anywhere.
 */
#include "unix_cred/passing.h"

UC_PASSING_OPS(uc_pass_no_messages)
