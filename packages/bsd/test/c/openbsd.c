/* Scenarios of openbsd.c: SO_PEERCRED at SOL_SOCKET, answered in sockpeercred's order (uid, gid, pid). */
#include <sys/socket.h>

#include "bsd_ops.h"
#include "peer_option_scenarios.h"

static const struct sockpeercred peer = {.uid = 1001, .gid = 1002, .pid = 4242};

const uc_scenario uc_scenarios[] = {UC_PEER_OPTION_SCENARIOS("ucred", uc_bsd_peer_ucred, SOL_SOCKET, SO_PEERCRED, peer)};
const size_t uc_scenario_count = sizeof uc_scenarios / sizeof uc_scenarios[0];
