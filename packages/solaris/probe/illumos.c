/*
 * ABI probe of illumos (packages/internal/probe/abi_probe.h): what src/solaris.c and the unix_cred headers take
 * from illumos's headers, and the ucred_t layout src/solaris.c spells out (its UCRED_* and PRCRED_* offsets: <sys/ucred.h> gives
 * it only with _STRUCTURED_PROC, which scripts/abi-probe.js sets for the probe alone). Expected values: illumos.expected.
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/ucred.h>
#include <sys/procfs.h>
#include <ucred.h>

#include "abi_probe.h"

const uc_probe_entry uc_probe_table[] = {
    UC_PROBE_FIRST,
    UC_PROBE_COMMON,
    UC_PROBE_CONSTANT(AF_INET6),
    UC_PROBE_CONSTANT(ENOTSUP),
    UC_PROBE_CONSTANT(P_MYID),
    /* Credential messages on datagrams (docs/platforms.md 5.1). */
    UC_PROBE_CONSTANT(SO_RECVUCRED),
    UC_PROBE_CONSTANT(SCM_UCRED),
    UC_PROBE_SIZE(struct ucred_s),
    UC_PROBE_OFFSET(struct ucred_s, uc_credoff),
    UC_PROBE_OFFSET(prcred_t, pr_ngroups),
    UC_PROBE_OFFSET(prcred_t, pr_groups),
    UC_PROBE_LAST,
};

UC_PROBE_MAIN
