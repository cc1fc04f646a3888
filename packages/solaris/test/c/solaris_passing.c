/*
 * Scenarios of solaris_passing.c: the shared ones (c/passing_scenarios.h), and the SCM_UCRED a datagram carries
 * once SO_RECVUCRED is on: a ucred_t of the fake libc ucred (fake_ucred.c).
 */
#include "fake_ucred.h"
#include "passing_scenarios.h"

static const gid_t two[] = {10, 20};
static const struct ucred_s sender = {{0, 4242, 1000, 1001, 1002, 2000, 2001, 2002, 2, two}},
                            other_zone = {{0, -1, 1000, 1001, 1002, 2000, 2001, 2002, 2, two}},
                            no_groups = {{0, 4242, 1000, 1001, 1002, 2000, 2001, 2002, 0, NULL}},
                            no_ids = {{0, 4242, (uid_t)-1, (uid_t)-1, (uid_t)-1, (gid_t)-1, (gid_t)-1, (gid_t)-1, -1, NULL}};
#define WITH(c) {.bytes = 1, .cmsgs = {{SOL_SOCKET, SCM_UCRED, &(c), sizeof(c)}}}
static const uc_fake_message with_sender = WITH(sender), with_other_zone = WITH(other_zone), with_no_groups = WITH(no_groups),
                             with_no_ids = WITH(no_ids);
#define DATAGRAM(name, m) {name, uc_pass_receive_credentials, UC_PASS_CHECK, .family = AF_UNIX, .message = &(m), UC_TYPE(uc_datagram)}

const uc_scenario uc_scenarios[] = {
    UC_PASSING_SCENARIOS,
    UC_NO_MESSAGE_SCENARIOS,
    {"enable: a datagram socket", uc_pass_enable, UC_PASS_CHECK, .family = AF_UNIX, UC_TYPE(uc_datagram)},
    DATAGRAM("receive credentials: SCM_UCRED", with_sender),
    DATAGRAM("receive credentials: SCM_UCRED of a sender in another zone", with_other_zone),
    DATAGRAM("receive credentials: SCM_UCRED without supplementary groups", with_no_groups),
    DATAGRAM("receive credentials: SCM_UCRED without effective ids", with_no_ids),
};
const size_t uc_scenario_count = sizeof uc_scenarios / sizeof uc_scenarios[0];
