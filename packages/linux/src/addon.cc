#include "unix_cred/addon.h"
#include "linux_ops.h"
#include "unix_cred/passing_ops.h"

static const uc_operation kOperations[] = {
    {"peerCred", uc_linux_peer_cred},
    {"peerCredGroups", uc_linux_peer_cred_groups},
    {"peerGroups", uc_linux_peer_groups},
    {"peerPidfd", uc_linux_peer_pidfd},
    {"peerSecurity", uc_linux_peer_security},
    {"pidfdAlive", uc_linux_pidfd_alive},
    {"pidfdSignal", uc_linux_pidfd_signal},
    {"close", uc_linux_close},
    {"processCredentials", uc_linux_process_credentials},
    UC_PASSING_OPERATIONS,
};

UNIX_CRED_ADDON(kOperations)
