/* Scenarios of netbsd_passing.c: the shared ones, LOCAL_CREDS, and the struct sockcred the kernel attaches. */
#include <sys/socket.h>
#include <sys/un.h>

#include "passing_scenarios.h"

static const struct {
  struct sockcred head;
  gid_t more[1];
} sockcred = {{4242, 1000, 1001, 2000, 2001, 2, {2001}}, {5}};
static const uc_fake_message with_sockcred = {
    .bytes = 1, .cmsgs = {{SOL_SOCKET, SCM_CREDS, &sockcred, offsetof(struct sockcred, sc_groups) + 2 * sizeof(gid_t)}}};

const uc_scenario uc_scenarios[] = {
    UC_PASSING_SCENARIOS,
    {"send credentials", uc_pass_send_credentials, UC_PASS_CHECK, .family = AF_UNIX},
    {"enable", uc_pass_enable, UC_PASS_CHECK, .family = AF_UNIX},
    {"enable: TCP", uc_pass_enable, UC_PASS_CHECK, .family = AF_INET},
    {"receive credentials: sockcred", uc_pass_receive_credentials, UC_PASS_CHECK, .family = AF_UNIX, .message = &with_sockcred},
};
const size_t uc_scenario_count = sizeof uc_scenarios / sizeof uc_scenarios[0];
