/*
 * Linux socket options and syscalls newer than some build hosts' headers (Debian 12 has no SO_PEERPIDFD): the
 * supplement to those headers that packages/linux/src/linux.c and the bench's C floor (bench/c) both compile with.
 */
#ifndef UNIX_CRED_LINUX_OPTIONS_H
#define UNIX_CRED_LINUX_OPTIONS_H
#include <sys/socket.h>
#include <sys/syscall.h>

/* The asm-generic values, so only on the arches that use them (mips, powerpc, sparc differ). */
#if defined(__x86_64__) || defined(__i386__) || defined(__aarch64__) || defined(__arm__) || defined(__riscv) || \
    defined(__loongarch__) || defined(__s390__)
#ifndef SO_PEERGROUPS
#define SO_PEERGROUPS 59
#endif
#ifndef SO_PEERPIDFD
#define SO_PEERPIDFD 77
#endif
#ifndef SO_PASSPIDFD
#define SO_PASSPIDFD 76
#endif
#endif
/* The same on every arch (include/linux/socket.h). */
#ifndef SCM_PIDFD
#define SCM_PIDFD 0x04
#endif
#ifndef SYS_pidfd_send_signal
#define SYS_pidfd_send_signal 424
#endif

#endif
