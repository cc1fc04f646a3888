/*
 * ABI probe of NetBSD (packages/internal/probe/abi_probe.h): what src/netbsd.c and the unix_cred headers take
 * from NetBSD's headers. Expected values: netbsd.expected.
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "abi_probe.h"

const uc_probe_entry uc_probe_table[] = {
    UC_PROBE_FIRST,
    UC_PROBE_COMMON,
    /* The peer query, level 0 (docs/platforms.md section 1). */
    UC_PROBE_CONSTANT(LOCAL_PEEREID),
    UC_PROBE_SIZE(struct unpcbid),
    UC_PROBE_OFFSET(struct unpcbid, unp_pid),
    UC_PROBE_OFFSET(struct unpcbid, unp_euid),
    UC_PROBE_OFFSET(struct unpcbid, unp_egid),
    UC_PROBE_CONSTANT(LOCAL_CONNWAIT),
    /* LOCAL_CREDS's struct sockcred under SCM_CREDS (docs/platforms.md 5.4): sc_pid first. */
    UC_PROBE_CONSTANT(LOCAL_CREDS),
    UC_PROBE_CONSTANT(SCM_CREDS),
    UC_PROBE_OFFSET(struct sockcred, sc_pid),
    UC_PROBE_SOCKCRED_IDS(UC_PROBE_OFFSET, struct sockcred),
    UC_PROBE_LAST,
};

UC_PROBE_MAIN
