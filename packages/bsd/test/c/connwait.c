/* Scenarios of each BSD file's connWait (unix_cred/connwait.h), the same on every BSD: where the OS lacks LOCAL_CONNWAIT each
 * answers UNSUPPORTED at once. */
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "fake_kernel.h"
#include "bsd_ops.h"

#ifndef LOCAL_CONNWAIT
/* Not this OS's: FreeBSD 14's number, so that the scenarios read alike everywhere. */
#define LOCAL_CONNWAIT 4
#endif

const uc_scenario uc_scenarios[] = {
    {"on", uc_bsd_conn_wait, 1, .family = AF_UNIX},
    {"off", uc_bsd_conn_wait, 0, .family = AF_UNIX},
    {"TCP: nothing set", uc_bsd_conn_wait, 1, .family = AF_INET},
    {"a kernel without it (EOPNOTSUPP)", uc_bsd_conn_wait, 1, .family = AF_UNIX,
     .options = {{0, LOCAL_CONNWAIT, EOPNOTSUPP, NULL, 0}}},
    {"another failure (EINVAL)", uc_bsd_conn_wait, 1, .family = AF_UNIX, .options = {{0, LOCAL_CONNWAIT, EINVAL, NULL, 0}}},
    {"bad descriptor", uc_bsd_conn_wait, 1, .error = EBADF},
};
const size_t uc_scenario_count = sizeof uc_scenarios / sizeof uc_scenarios[0];
