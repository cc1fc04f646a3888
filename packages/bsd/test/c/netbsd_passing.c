/*
 * Scenarios of netbsd.c's passing ops: the shared ones, LOCAL_CREDS, the struct sockcred the kernel attaches, and what
 * the kernel model of fake_netbsd_kernel.c makes of a sender's message.
 */
#include <sys/socket.h>
#include <sys/un.h>

#include "passing_scenarios.h"

static const struct {
  struct sockcred head;
  gid_t more[1];
} sockcred = {{4242, 1000, 1001, 2000, 2001, 2, {2001}}, {5}};
static const uc_fake_message with_sockcred = {
    .bytes = 1, .cmsgs = {{SOL_SOCKET, SCM_CREDS, &sockcred, offsetof(struct sockcred, sc_groups) + 2 * sizeof(gid_t)}}};
static const gid_t two[] = {5, 6};
static const uc_fake_sender sender = {4242, 1000, 1001, 2000, 2001, 2, two};
/* What a sender would write in its SCM_CREDS: the kernel refuses the send. */
static const struct { struct sockcred head; } claims_root = {{1, 0, 0, 0, 0, 0, {0}}};
static const uc_fake_message local_creds = {.bytes = 1,
                                            .sender = &sender,
                                            .sent = {{SOL_SOCKET, SCM_CREDS, &claims_root, sizeof claims_root}},
                                            .receiver_option = LOCAL_CREDS};

const uc_scenario uc_scenarios[] = {
    UC_PASSING_SCENARIOS,
    {"send credentials", uc_pass_send_credentials, UC_PASS_CHECK, .family = AF_UNIX},
    {"enable", uc_pass_enable, UC_PASS_CHECK, .family = AF_UNIX},
    {"enable: TCP", uc_pass_enable, UC_PASS_CHECK, .family = AF_INET},
    {"receive credentials: sockcred", uc_pass_receive_credentials, UC_PASS_CHECK, .family = AF_UNIX, .message = &with_sockcred},
    {"receive credentials: LOCAL_CREDS's sockcred, supplementary groups only", uc_pass_receive_credentials, UC_PASS_CHECK,
     .family = AF_UNIX, .message = &local_creds},
};
const size_t uc_scenario_count = sizeof uc_scenarios / sizeof uc_scenarios[0];
