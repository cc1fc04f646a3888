#include "unix_cred/addon.h"

// The ops are C functions, declared in plain C (the unix_cred/os.h it includes came in with addon.h).
extern "C" {
#include "darwin_ops.h"
}
#include "unix_cred/passing_ops.h"

static const uc_operation kOperations[] = {
    {"peerXucred", uc_darwin_peer_xucred},
    {"peerXucredPid", uc_darwin_peer_xucred_pid},
    {"peerPid", uc_darwin_peer_pid},
    {"peerEffectivePid", uc_darwin_peer_effective_pid},
    {"processCredentials", uc_darwin_process_credentials},
    {"peerUuid", uc_darwin_peer_uuid},
    {"peerEffectiveUuid", uc_darwin_peer_effective_uuid},
    {"peerToken", uc_darwin_peer_token},
    UC_PASSING_OPERATIONS,
};

UNIX_CRED_ADDON(kOperations)
