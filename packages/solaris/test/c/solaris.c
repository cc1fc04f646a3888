/*
 * Scenarios of solaris.c, with a fake libc ucred (fake_ucred.c): getpeerucred allocates a ucred_t (counted),
 * every getter answers the scenario's peer, whose -1 fields are those the OS does not report.
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <errno.h>

#include "fake_kernel.h"
#include "fake_ucred.h"
#include "solaris_ops.h"
#include "model_scenarios.h"
#include "models/illumos.h"

static const gid_t two[] = {10, 20};
static const gid_t many[1100] = {[0 ... 1098] = 7, [1099] = 1099};

static const fake_peer normal = {0, 4242, 1000, 1001, 1002, 2000, 2001, 2002, 2, two};
static const fake_peer other_zone = {0, -1, 1000, 1001, 1002, 2000, 2001, 2002, 2, two};
static const fake_peer saved_unknown = {0, 4242, 1000, 1001, (uid_t)-1, 2000, 2001, (gid_t)-1, 2, two};
static const fake_peer no_ids = {0, 4242, (uid_t)-1, (uid_t)-1, (uid_t)-1, (gid_t)-1, (gid_t)-1, (gid_t)-1, -1, NULL};
static const fake_peer no_groups = {0, 4242, 1000, 1001, 1002, 2000, 2001, 2002, 0, NULL};
static const fake_peer many_groups = {0, 4242, 1000, 1001, 1002, 2000, 2001, 2002, 1100, many};
static const fake_peer unknown = {.error = EINVAL};
static const fake_peer unconnected = {.error = ENOTCONN};
static const fake_peer not_supported = {.error = ENOTSUP};

#define UNIX(peer_) .family = AF_UNIX, .peer = &(peer_)
#define INET        (UC_CHECK_LISTENING | UC_PEER_INET)

const uc_scenario uc_scenarios[] = {
    {"normal", uc_solaris_peer_ucred, UC_CHECK_LISTENING, UNIX(normal)},
    {"pid unknown (a peer in another zone)", uc_solaris_peer_ucred, UC_CHECK_LISTENING, UNIX(other_zone)},
    {"saved ids unknown", uc_solaris_peer_ucred, UC_CHECK_LISTENING, UNIX(saved_unknown)},
    {"no ids or groups", uc_solaris_peer_ucred, UC_CHECK_LISTENING, UNIX(no_ids)},
    {"no supplementary groups", uc_solaris_peer_ucred, UC_CHECK_LISTENING, UNIX(no_groups)},
    {"1100 groups, past the inline buffer", uc_solaris_peer_ucred, UC_CHECK_LISTENING, UNIX(many_groups)},
    {"no memory for the groups", uc_solaris_peer_ucred, UC_CHECK_LISTENING, UNIX(many_groups), .fail_malloc = 1},
    {"peer credentials unknown (EINVAL)", uc_solaris_peer_ucred, UC_CHECK_LISTENING, UNIX(unknown)},
    {"unconnected (ENOTCONN)", uc_solaris_peer_ucred, UC_CHECK_LISTENING, UNIX(unconnected)},
    {"not supported on this descriptor (ENOTSUP: connectionless, no peer)", uc_solaris_peer_ucred, UC_CHECK_LISTENING,
     UNIX(not_supported)},
    {"TCP, which getpeerucred would answer", uc_solaris_peer_ucred, UC_CHECK_LISTENING, .family = AF_INET, .peer = &normal},
    {"listening", uc_solaris_peer_ucred, UC_CHECK_LISTENING, UNIX(normal), .listening = 1},
    {"verified handle skips the listening check", uc_solaris_peer_ucred, 0, UNIX(normal), .listening = 1},
    {"bad descriptor", uc_solaris_peer_ucred, UC_CHECK_LISTENING, .error = EBADF},
    {"not a socket, verified handle", uc_solaris_peer_ucred, 0, .error = ENOTSOCK},
    {"TCP over IPv6, which getpeerucred would answer", uc_solaris_peer_ucred, UC_CHECK_LISTENING, .family = AF_INET6,
     .peer = &normal},
    {"inet allowed: TCP", uc_solaris_peer_ucred, INET, .family = AF_INET, .peer = &normal},
    {"inet allowed: TCP over IPv6", uc_solaris_peer_ucred, INET, .family = AF_INET6, .peer = &normal},
    {"inet allowed: AF_UNIX", uc_solaris_peer_ucred, INET, UNIX(normal)},
    {"inet allowed: a remote TCP peer (EINVAL)", uc_solaris_peer_ucred, INET, .family = AF_INET, .peer = &unknown},
    {"inet allowed: another family", uc_solaris_peer_ucred, INET, .family = AF_UNSPEC, .peer = &normal},
    {"inet allowed: listening", uc_solaris_peer_ucred, INET, .family = AF_INET, .peer = &normal, .listening = 1},
    UC_MODEL_SCENARIOS("ucred on illumos", uc_solaris_peer_ucred, uc_illumos, .peer = &normal),
};
const size_t uc_scenario_count = sizeof uc_scenarios / sizeof uc_scenarios[0];
