/*
 * Scenarios of unix_cred/process.h as one OS's process-credentials op uses it: each id distinct, so a
 * field read from the wrong call shows; groups that fit the inline buffer, that do not, and that grow
 * between the count and the read.
 */
#ifndef UC_PROCESS_SCENARIOS_H
#define UC_PROCESS_SCENARIOS_H

#include "fake_kernel.h"

static const gid_t uc_three_groups[] = {10, 20, 30};
static const gid_t uc_many_groups[1100] = {[0 ... 1098] = 7, [1099] = 1099};

#define UC_PROCESS_IDS                                                                                                        \
  .pid = 4242, .ppid = 4000, .pgid = 4100, .sid = 3900, .ruid = 1000, .euid = 1001, .suid = 1002, .rgid = 2000, .egid = 2001, \
  .sgid = 2002

static const uc_fake_process uc_process_normal = {UC_PROCESS_IDS, .ngroups = 3, .groups = uc_three_groups};
static const uc_fake_process uc_process_no_groups = {UC_PROCESS_IDS, .ngroups = 0};
static const uc_fake_process uc_process_many_groups = {UC_PROCESS_IDS, .ngroups = 1100, .groups = uc_many_groups};
static const uc_fake_process uc_process_grew = {UC_PROCESS_IDS, .ngroups = 1100, .groups = uc_many_groups, .grew = 1};

#define UC_PROCESS_SCENARIOS(OP)                                                                       \
  {"process: normal", OP, 0, .process = &uc_process_normal},                                           \
      {"process: no supplementary groups", OP, 0, .process = &uc_process_no_groups},                   \
      {"process: 1100 groups, past the inline buffer", OP, 0, .process = &uc_process_many_groups},     \
      {"process: the list grew between the count and the read", OP, 0, .process = &uc_process_grew}, { \
    "process: no memory for the groups", OP, 0, .process = &uc_process_many_groups, .fail_malloc = 1   \
  }

#endif
