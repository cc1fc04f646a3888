/*
 * ABI probe of macOS (packages/internal/probe/abi_probe.h): what src/ and the unix_cred headers take from macOS's
 * headers, included as src/ includes them. Expected values: darwin.expected.
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/ucred.h>
#include <sys/un.h>
#include <mach/message.h>
#include <uuid/uuid.h>

#include "abi_probe.h"

const uc_probe_entry uc_probe_table[] = {
    UC_PROBE_FIRST,
    UC_PROBE_COMMON,
    /* The peer options (darwin.c, xucred.h). */
    UC_PROBE_CONSTANT(SOL_LOCAL),
    UC_PROBE_CONSTANT(LOCAL_PEERPID),
    UC_PROBE_CONSTANT(LOCAL_PEEREPID),
    UC_PROBE_CONSTANT(LOCAL_PEERUUID),
    UC_PROBE_CONSTANT(LOCAL_PEEREUUID),
    UC_PROBE_CONSTANT(LOCAL_PEERTOKEN),
    UC_PROBE_XUCRED,
    UC_PROBE_SIZE(uuid_t),
    UC_PROBE_SIZE(audit_token_t),
    UC_PROBE_LAST,
};

UC_PROBE_MAIN
