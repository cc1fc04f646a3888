#include "unix_cred/addon.h"

// The ops are C functions, declared in plain C (the unix_cred/os.h it includes came in with addon.h).
extern "C" {
#include "bsd_ops.h"
}
#include "unix_cred/passing_ops.h"

// binding.gyp compiles one OS file: FreeBSD and DragonFly answer an xucred, OpenBSD and NetBSD pid, uid, gid.
static const uc_operation kOperations[] = {
#if defined(__FreeBSD__) || defined(__DragonFly__)
    {"peerXucred", uc_bsd_peer_xucred},
#else
    {"peerUcred", uc_bsd_peer_ucred},
#endif
    {"processCredentials", uc_bsd_process_credentials},
    {"connWait", uc_bsd_conn_wait},
    UC_PASSING_OPERATIONS,
};

UNIX_CRED_ADDON(kOperations)
