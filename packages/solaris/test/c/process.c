/*
 * Scenarios of process.c: the shared ones, with a fake ucred_get(P_MYID) that answers the saved ids of
 * the scenario's process, or fails (no memory) when the scenario's malloc does.
 */
#include <sys/types.h>
#include <stdlib.h>
#include <ucred.h>

#include "process_scenarios.h"
#include "solaris_ops.h"

struct ucred_s {
  uid_t suid;
  gid_t sgid;
};

ucred_t *ucred_get(pid_t pid) {
  uc_fake_count("ucred_get");
  if (pid != P_MYID) abort();
  if (uc_current->fail_malloc) return NULL;
  /* The real malloc: the counted one is the groups'. */
  ucred_t *cred = (malloc)(sizeof *cred);
  if (cred == NULL) abort();
  cred->suid = uc_current->process->suid;
  cred->sgid = uc_current->process->sgid;
  return cred;
}

void ucred_free(ucred_t *cred) {
  uc_fake_count("ucred_free");
  free(cred);
}

uid_t ucred_getsuid(const ucred_t *cred) { return cred->suid; }
gid_t ucred_getsgid(const ucred_t *cred) { return cred->sgid; }

static const uc_fake_process saved_unknown = {
    .pid = 4242, .ruid = 1000, .euid = 1001, .suid = (uid_t)-1, .rgid = 2000, .egid = 2001, .sgid = (gid_t)-1, .ngroups = 3, .groups = uc_three_groups};

const uc_scenario uc_scenarios[] = {
    UC_PROCESS_SCENARIOS(uc_solaris_process_credentials),
    {"process: ucred_get fails", uc_solaris_process_credentials, 0, .process = &uc_process_normal, .fail_malloc = 1},
    {"process: the ucred_t reports no saved ids", uc_solaris_process_credentials, 0, .process = &saved_unknown},
};
const size_t uc_scenario_count = sizeof uc_scenarios / sizeof uc_scenarios[0];
