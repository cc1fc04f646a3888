/*
 * ABI probe of Linux (packages/internal/probe/abi_probe.h): what src/ and the unix_cred headers take from the C
 * library's and the kernel's headers, without src/linux_options.h, whose fallbacks for headers older than the
 * kernel (SO_PEERPIDFD ...) the expected values restate. Expected values: linux.expected.
 */
#define _GNU_SOURCE
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <poll.h>

#include "abi_probe.h"

const uc_probe_entry uc_probe_table[] = {
    UC_PROBE_FIRST,
    UC_PROBE_COMMON,
    /* The peer queries (linux.c). */
    UC_PROBE_CONSTANT(SO_PEERCRED),
    UC_PROBE_SIZE(struct ucred),
    UC_PROBE_OFFSET(struct ucred, pid),
    UC_PROBE_OFFSET(struct ucred, uid),
    UC_PROBE_OFFSET(struct ucred, gid),
    UC_PROBE_CONSTANT(SO_PEERSEC),
#ifdef SO_PEERGROUPS
    UC_PROBE_CONSTANT(SO_PEERGROUPS),
#else
    UC_PROBE_ABSENT(SO_PEERGROUPS),
#endif
#ifdef SO_PEERPIDFD
    UC_PROBE_CONSTANT(SO_PEERPIDFD),
#else
    UC_PROBE_ABSENT(SO_PEERPIDFD),
#endif
#ifdef SYS_pidfd_send_signal
    UC_PROBE_CONSTANT(SYS_pidfd_send_signal),
#else
    UC_PROBE_ABSENT(SYS_pidfd_send_signal),
#endif
    UC_PROBE_CONSTANT(POLLIN),
    UC_PROBE_CONSTANT(POLLNVAL),
    UC_PROBE_CONSTANT(ENODATA),
    UC_PROBE_CONSTANT(ERANGE),
    UC_PROBE_CONSTANT(ENOSYS),
    /* Credential messages (passing.c). */
    UC_PROBE_CONSTANT(SO_PASSCRED),
    UC_PROBE_CONSTANT(SCM_CREDENTIALS),
#ifdef SO_PASSPIDFD
    UC_PROBE_CONSTANT(SO_PASSPIDFD),
#else
    UC_PROBE_ABSENT(SO_PASSPIDFD),
#endif
#ifdef SCM_PIDFD
    UC_PROBE_CONSTANT(SCM_PIDFD),
#else
    UC_PROBE_ABSENT(SCM_PIDFD),
#endif
    UC_PROBE_CONSTANT(O_RDONLY),
    UC_PROBE_CONSTANT(O_CLOEXEC),
    UC_PROBE_LAST,
};

UC_PROBE_MAIN
