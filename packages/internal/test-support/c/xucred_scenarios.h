/*
 * Scenarios of unix_cred/xucred.h for an OS op that answers LOCAL_PEERCRED with it (FreeBSD, DragonFly,
 * macOS). Include after the OS's <sys/ucred.h> and <sys/un.h>; define UC_XUCRED_PID(pid) as a designated
 * initializer where the OS's xucred has a pid.
 */
#ifndef UC_XUCRED_SCENARIOS_H
#define UC_XUCRED_SCENARIOS_H

#include "peer_option_scenarios.h"

#ifndef UC_XUCRED_PID
#define UC_XUCRED_PID(pid)
#endif

static const struct xucred uc_xucred_normal = {
    .cr_version = XUCRED_VERSION, .cr_uid = 1001, .cr_ngroups = 3, .cr_groups = {1002, 0, 5}, UC_XUCRED_PID(4242)};
static const struct xucred uc_xucred_16 = {
    .cr_version = XUCRED_VERSION,
    .cr_uid = 1001,
    .cr_ngroups = 16,
    .cr_groups = {100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115}};
static const struct xucred uc_xucred_too_many = {
    .cr_version = XUCRED_VERSION, .cr_uid = 1001, .cr_ngroups = 40, .cr_groups = {100, [15] = 115}};
static const struct xucred uc_xucred_negative = {.cr_version = XUCRED_VERSION, .cr_uid = 1001, .cr_ngroups = -1};
static const struct xucred uc_xucred_none = {.cr_version = XUCRED_VERSION, .cr_uid = 1001, .cr_ngroups = 0};
static const struct xucred uc_xucred_version = {.cr_version = XUCRED_VERSION + 1, .cr_uid = 1001, .cr_ngroups = 1};

#define UC_XUCRED_ANSWER(answer) .options = {{0, LOCAL_PEERCRED, 0, &(answer), sizeof(answer)}}
#define UC_XUCRED_SCENARIOS(OP)                                                                                       \
  UC_PEER_OPTION_SCENARIOS("xucred", OP, 0, LOCAL_PEERCRED, uc_xucred_normal),                                        \
      {"xucred: 16 groups", OP, 0, .family = AF_UNIX, UC_XUCRED_ANSWER(uc_xucred_16)},                                \
      {"xucred: cr_ngroups over the array, clamped", OP, 0, .family = AF_UNIX, UC_XUCRED_ANSWER(uc_xucred_too_many)}, \
      {"xucred: negative cr_ngroups", OP, 0, .family = AF_UNIX, UC_XUCRED_ANSWER(uc_xucred_negative)},                \
      {"xucred: no groups, so no egid", OP, 0, .family = AF_UNIX, UC_XUCRED_ANSWER(uc_xucred_none)}, {                \
    "xucred: unknown cr_version", OP, 0, .family = AF_UNIX, UC_XUCRED_ANSWER(uc_xucred_version)                       \
  }

#endif
