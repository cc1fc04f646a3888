/* Scenarios of netbsd.c: LOCAL_PEEREID, answered at level 0 only (at SOL_SOCKET the fake says ENOPROTOOPT). */
#include <sys/socket.h>
#include <sys/un.h>

#include "bsd_ops.h"
#include "peer_option_scenarios.h"
#include "model_scenarios.h"
#include "models/bsd.h"

static const struct unpcbid peer = {.unp_pid = 4242, .unp_euid = 1001, .unp_egid = 1002};

#define IDS .options = {{0, LOCAL_PEEREID, 0, &peer, sizeof peer}}

const uc_scenario uc_scenarios[] = {
    UC_PEER_OPTION_SCENARIOS("ucred", uc_bsd_peer_ucred, 0, LOCAL_PEEREID, peer),
    UC_MODEL_SCENARIOS("ucred on NetBSD", uc_bsd_peer_ucred, uc_netbsd, IDS),
};
const size_t uc_scenario_count = sizeof uc_scenarios / sizeof uc_scenarios[0];
