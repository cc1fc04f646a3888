/*
 * Scenarios of solaris.c's processCredentials: the shared ones, with the fake ucred_get(P_MYID) of fake_ucred.c,
 * which answers the ids of the scenario's process, or fails (no memory) when the scenario's malloc does.
 */
#include <sys/types.h>
#include <ucred.h>

#include "process_scenarios.h"
#include "solaris_ops.h"

static const uc_fake_process saved_unknown = {.pid = 4242,
                                              .ruid = 1000,
                                              .euid = 1001,
                                              .suid = (uid_t)-1,
                                              .rgid = 2000,
                                              .egid = 2001,
                                              .sgid = (gid_t)-1,
                                              .ngroups = 3,
                                              .groups = uc_three_groups};

const uc_scenario uc_scenarios[] = {
    UC_PROCESS_SCENARIOS(uc_solaris_process_credentials),
    {"process: ucred_get fails", uc_solaris_process_credentials, 0, .process = &uc_process_normal, .fail_malloc = 1},
    {"process: the ucred_t reports no saved ids", uc_solaris_process_credentials, 0, .process = &saved_unknown},
};
const size_t uc_scenario_count = sizeof uc_scenarios / sizeof uc_scenarios[0];
