#include "unix_cred/addon.h"

// The ops are C functions, declared in plain C (the unix_cred/os.h it includes came in with addon.h).
extern "C" {
#include "solaris_ops.h"
}
#include "unix_cred/passing_ops.h"

static const uc_operation kOperations[] = {
    {"peerUcred", uc_solaris_peer_ucred},
    {"processCredentials", uc_solaris_process_credentials},
    UC_PASSING_OPERATIONS,
};

UNIX_CRED_ADDON(kOperations)
