/*
 * ABI probe of OpenBSD (packages/internal/probe/abi_probe.h): what src/openbsd.c and the unix_cred
 * headers take from OpenBSD's headers. Expected values: openbsd.expected.
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "abi_probe.h"

const uc_probe_entry uc_probe_table[] = {
    UC_PROBE_FIRST,
    UC_PROBE_COMMON,
    /* SO_PEERCRED and its { uid, gid, pid } (docs/platforms.md section 1). */
    UC_PROBE_CONSTANT(SO_PEERCRED),
    UC_PROBE_SIZE(struct sockpeercred),
    UC_PROBE_OFFSET(struct sockpeercred, uid),
    UC_PROBE_OFFSET(struct sockpeercred, gid),
    UC_PROBE_OFFSET(struct sockpeercred, pid),
#ifdef LOCAL_CONNWAIT
    UC_PROBE_CONSTANT(LOCAL_CONNWAIT),
#else
    UC_PROBE_ABSENT(LOCAL_CONNWAIT),
#endif
    UC_PROBE_LAST,
};

UC_PROBE_MAIN
