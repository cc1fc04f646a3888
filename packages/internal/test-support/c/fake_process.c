/*
 * The process calls of the fake kernel: getpid and the rest answer the running scenario's process
 * (uc_current->process); getresuid and getresgid are defined for every OS, declared only where the OS has them.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "fake_kernel.h"

pid_t getpid(void) { return uc_current->process->pid; }
pid_t getppid(void) { return uc_current->process->ppid; }
pid_t getpgrp(void) { return uc_current->process->pgid; }
pid_t getsid(pid_t pid) { return pid == 0 ? uc_current->process->sid : -1; }
uid_t getuid(void) { return uc_current->process->ruid; }
uid_t geteuid(void) { return uc_current->process->euid; }
gid_t getgid(void) { return uc_current->process->rgid; }
gid_t getegid(void) { return uc_current->process->egid; }

int getgroups(int size, gid_t list[]) {
  uc_fake_count("getgroups");
  static const uc_scenario *counted;
  const uc_fake_process *process = uc_current->process;
  if (size == 0) {
    /* The first count of a scenario whose list grows answers the size before the growth. */
    int grew = process->grew && counted != uc_current;
    counted = uc_current;
    return process->ngroups - grew;
  }
  if (size < process->ngroups) {
    errno = EINVAL;
    return -1;
  }
  memcpy(list, process->groups, (size_t)process->ngroups * sizeof *list);
  return process->ngroups;
}

int getresuid(uid_t *ruid, uid_t *euid, uid_t *suid) {
  uc_fake_count("getresuid");
  *ruid = uc_current->process->ruid;
  *euid = uc_current->process->euid;
  *suid = uc_current->process->suid;
  return 0;
}

int getresgid(gid_t *rgid, gid_t *egid, gid_t *sgid) {
  uc_fake_count("getresgid");
  *rgid = uc_current->process->rgid;
  *egid = uc_current->process->egid;
  *sgid = uc_current->process->sgid;
  return 0;
}
