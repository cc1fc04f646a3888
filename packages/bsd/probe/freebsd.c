/*
 * ABI probe of FreeBSD and DragonFly (packages/internal/probe/abi_probe.h), which share src/freebsd.c: what it and
 * the unix_cred headers take from the OS's headers, included as src/freebsd.c includes them. Expected values: freebsd.expected,
 * dragonfly.expected.
 */
#include <sys/param.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/ucred.h>
#include <sys/un.h>

#include "abi_probe.h"

const uc_probe_entry uc_probe_table[] = {
    UC_PROBE_FIRST,
    UC_PROBE_COMMON,
    UC_PROBE_XUCRED,
#if defined(__FreeBSD__) && __FreeBSD_version >= 1300000
    UC_PROBE_OFFSET(struct xucred, cr_pid),
#else
    UC_PROBE_ABSENT_OFFSET(struct xucred, cr_pid),
#endif
#ifdef LOCAL_CONNWAIT
    UC_PROBE_CONSTANT(LOCAL_CONNWAIT),
#else
    UC_PROBE_ABSENT(LOCAL_CONNWAIT),
#endif
    /* Credential messages: the sender's cmsgcred under SCM_CREDS, which the kernel fills. */
    UC_PROBE_CONSTANT(SCM_CREDS),
    UC_PROBE_CONSTANT(CMGROUP_MAX),
    UC_PROBE_SIZE(struct cmsgcred),
    UC_PROBE_OFFSET(struct cmsgcred, cmcred_pid),
    UC_PROBE_OFFSET(struct cmsgcred, cmcred_uid),
    UC_PROBE_OFFSET(struct cmsgcred, cmcred_euid),
    UC_PROBE_OFFSET(struct cmsgcred, cmcred_gid),
    UC_PROBE_OFFSET(struct cmsgcred, cmcred_ngroups),
    UC_PROBE_OFFSET(struct cmsgcred, cmcred_groups),
#ifdef __DragonFly__
    UC_PROBE_CONSTANT(SO_PASSCRED),
#else
    /* FreeBSD's receiver options and the structures the kernel writes with them (docs/platforms.md 5.2). */
    UC_PROBE_CONSTANT(LOCAL_CREDS),
    UC_PROBE_SOCKCRED_IDS(UC_PROBE_OFFSET, struct sockcred),
#ifdef LOCAL_CREDS_PERSISTENT
    UC_PROBE_CONSTANT(LOCAL_CREDS_PERSISTENT),
#else
    UC_PROBE_ABSENT(LOCAL_CREDS_PERSISTENT),
#endif
#ifdef SCM_CREDS2
    UC_PROBE_CONSTANT(SCM_CREDS2),
    UC_PROBE_OFFSET(struct sockcred2, sc_version),
    UC_PROBE_OFFSET(struct sockcred2, sc_pid),
    UC_PROBE_SOCKCRED_IDS(UC_PROBE_OFFSET, struct sockcred2),
#else
    UC_PROBE_ABSENT(SCM_CREDS2),
    UC_PROBE_ABSENT_OFFSET(struct sockcred2, sc_version),
    UC_PROBE_ABSENT_OFFSET(struct sockcred2, sc_pid),
    UC_PROBE_SOCKCRED_IDS(UC_PROBE_ABSENT_OFFSET, struct sockcred2),
#endif
#endif
    UC_PROBE_LAST,
};

UC_PROBE_MAIN
