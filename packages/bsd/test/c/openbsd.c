/* Scenarios of openbsd.c: SO_PEERCRED at SOL_SOCKET, answered in sockpeercred's order (uid, gid, pid). */
#include <sys/socket.h>

#include "bsd_ops.h"
#include "peer_option_scenarios.h"
#include "model_scenarios.h"
#include "models/bsd.h"

static const struct sockpeercred peer = {.uid = 1001, .gid = 1002, .pid = 4242};

#define IDS .options = {{SOL_SOCKET, SO_PEERCRED, 0, &peer, sizeof peer}}

const uc_scenario uc_scenarios[] = {
    UC_PEER_OPTION_SCENARIOS("ucred", uc_bsd_peer_ucred, SOL_SOCKET, SO_PEERCRED, peer),
    UC_MODEL_SCENARIOS("ucred on OpenBSD (old)", uc_bsd_peer_ucred, uc_openbsd_old, IDS),
    UC_MODEL_SCENARIOS("ucred on OpenBSD", uc_bsd_peer_ucred, uc_openbsd, IDS),
};
const size_t uc_scenario_count = sizeof uc_scenarios / sizeof uc_scenarios[0];
