/*
 * Stand-in libc header for compiling an OS file on Linux with -nostdinc: the process calls, answered by
 * c/fake_process.c. getresuid and getresgid are declared where the OS's own <unistd.h> has them.
 */
#ifndef UC_STANDIN_UNISTD_H
#define UC_STANDIN_UNISTD_H
#include <sys/types.h>
pid_t getpid(void);
pid_t getppid(void);
pid_t getpgrp(void);
pid_t getsid(pid_t pid);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
int getgroups(int size, gid_t list[]);
int close(int fd);
#if defined(__FreeBSD__) || defined(__DragonFly__) || defined(__OpenBSD__)
int getresuid(uid_t *ruid, uid_t *euid, uid_t *suid);
int getresgid(gid_t *rgid, gid_t *egid, gid_t *sgid);
#endif
#endif
