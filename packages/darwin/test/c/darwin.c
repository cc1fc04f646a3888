/* Scenarios of darwin.c: the shared xucred ones, and the pid options whose level 0 is IPPROTO_IP on TCP. */
#include <sys/types.h>
#include <sys/ucred.h>
#include <sys/un.h>

#include "darwin_ops.h"
#include "xucred_scenarios.h"
#include "model_scenarios.h"
#include "models/xnu.h"

_Static_assert(sizeof(struct xucred) == 76, "macOS's struct xucred is 76 bytes (docs/platforms.md)");

static const pid_t pid = 4242, effective_pid = 777;

#define PID_ANSWERS                                                                       \
  .options = {{SOL_LOCAL, LOCAL_PEERCRED, 0, &uc_xucred_normal, sizeof uc_xucred_normal}, \
              {SOL_LOCAL, LOCAL_PEERPID, 0, &pid, sizeof pid}}

const uc_scenario uc_scenarios[] = {
    UC_XUCRED_SCENARIOS(uc_darwin_peer_xucred),
    UC_PEER_OPTION_SCENARIOS("pid", uc_darwin_peer_pid, SOL_LOCAL, LOCAL_PEERPID, pid),
    UC_PEER_OPTION_SCENARIOS("effective pid", uc_darwin_peer_effective_pid, SOL_LOCAL, LOCAL_PEEREPID, effective_pid),
    {"xucred and pid", uc_darwin_peer_xucred_pid, UC_CHECK_LISTENING, .family = AF_UNIX, PID_ANSWERS},
    {"xucred and pid: TCP", uc_darwin_peer_xucred_pid, UC_CHECK_LISTENING, .family = AF_INET,
     .options = {{SOL_LOCAL, LOCAL_PEERCRED, 0, &uc_ip_option, 0}, {SOL_LOCAL, LOCAL_PEERPID, 0, &pid, sizeof pid}}},
    {"xucred and pid: the peer went away in between", uc_darwin_peer_xucred_pid, 0, .family = AF_UNIX,
     .options = {{SOL_LOCAL, LOCAL_PEERCRED, 0, &uc_xucred_normal, sizeof uc_xucred_normal},
                 {SOL_LOCAL, LOCAL_PEERPID, ENOTCONN, NULL, 0}}},
    UC_MODEL_SCENARIOS("xucred on xnu", uc_darwin_peer_xucred, uc_xnu, UC_XUCRED_ANSWER(uc_xucred_normal)),
    UC_MODEL_SCENARIOS("xucred and pid on xnu", uc_darwin_peer_xucred_pid, uc_xnu, PID_ANSWERS),
    UC_MODEL_SCENARIOS("pid on xnu", uc_darwin_peer_pid, uc_xnu, .options = {{SOL_LOCAL, LOCAL_PEERPID, 0, &pid, sizeof pid}}),
    UC_MODEL_SCENARIOS("effective pid on xnu", uc_darwin_peer_effective_pid, uc_xnu,
                       .options = {{SOL_LOCAL, LOCAL_PEEREPID, 0, &effective_pid, sizeof effective_pid}}),
};
const size_t uc_scenario_count = sizeof uc_scenarios / sizeof uc_scenarios[0];
