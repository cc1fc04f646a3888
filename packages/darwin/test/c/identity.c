/* Scenarios of darwin.c's identity ops: the shared peer-option ones for each option (level 0 is IPPROTO_IP on TCP). */
#include <sys/types.h>
#include <sys/un.h>
#include <mach/message.h>
#include <uuid/uuid.h>

#include "darwin_ops.h"
#include "peer_option_scenarios.h"
#include "model_scenarios.h"
#include "models/xnu.h"

static const uuid_t uuid = {0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0, 0x0f, 0xed, 0xcb, 0xa9, 0x87, 0x65, 0x43, 0x21};
static const uuid_t effective_uuid = {0xa1, 0xb2, 0xc3, 0xd4, 0xe5, 0xf6, 0x47, 0x08,
                                      0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff, 0x00};
/* auid, euid, egid, ruid, rgid, pid, asid, pidversion: each distinct, so that a wrong index shows. */
static const audit_token_t token = {{501, 502, 20, 503, 21, 4242, 100007, 7}};

const uc_scenario uc_scenarios[] = {
    UC_PEER_OPTION_SCENARIOS("uuid", uc_darwin_peer_uuid, SOL_LOCAL, LOCAL_PEERUUID, uuid),
    UC_PEER_OPTION_SCENARIOS("effective uuid", uc_darwin_peer_effective_uuid, SOL_LOCAL, LOCAL_PEEREUUID, effective_uuid),
    UC_PEER_OPTION_SCENARIOS("audit token", uc_darwin_peer_token, SOL_LOCAL, LOCAL_PEERTOKEN, token),
    UC_MODEL_SCENARIOS("uuid on xnu", uc_darwin_peer_uuid, uc_xnu,
                       .options = {{SOL_LOCAL, LOCAL_PEERUUID, 0, &uuid, sizeof uuid}}),
    UC_MODEL_SCENARIOS("audit token on xnu", uc_darwin_peer_token, uc_xnu,
                       .options = {{SOL_LOCAL, LOCAL_PEERTOKEN, 0, &token, sizeof token}}),
};
const size_t uc_scenario_count = sizeof uc_scenarios / sizeof uc_scenarios[0];
