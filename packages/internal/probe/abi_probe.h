/*
 * The shared part of the ABI probes (packages/{bsd,darwin,solaris}/probe/<os>.c; scripts/abi-probe.js runs them):
 * an OS's probe lists, in one table, every constant, struct size and field offset its native file relies on, as
 * that OS's headers give them. Run, the probe prints the table ("name = value" lines); where it cannot run (macOS
 * headers from zig on Linux), the table is read back from the compiled object: its entries are fixed-size and
 * hold no pointer, so they lie in the object's bytes as they are, between the two marker entries.
 */
#ifndef UNIX_CRED_ABI_PROBE_H
#define UNIX_CRED_ABI_PROBE_H

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include <sys/socket.h>

typedef struct uc_probe_entry {
  char name[72];
  int64_t value;
  int64_t present; /* 0: the headers do not define the name (UC_PROBE_ABSENT) */
} uc_probe_entry;

#define UC_PROBE_FIRST \
  { "unix-cred ABI probe: first entry", 0, 0 }
#define UC_PROBE_LAST \
  { "unix-cred ABI probe: last entry", 0, 0 }

#define UC_PROBE_CONSTANT(name) \
  { #name, (int64_t)(name), 1 }
#define UC_PROBE_ABSENT(name) \
  { #name, 0, 0 }
#define UC_PROBE_ABSENT_OFFSET(type, field) \
  { "offsetof(" #type ", " #field ")", 0, 0 }
#define UC_PROBE_SIZE(type) \
  { "sizeof(" #type ")", (int64_t)sizeof(type), 1 }
#define UC_PROBE_OFFSET(type, field) \
  { "offsetof(" #type ", " #field ")", (int64_t)offsetof(type, field), 1 }
#define UC_PROBE_FIELD_SIZE(type, field) \
  { "sizeof(" #type ")." #field, (int64_t)sizeof(((type *)0)->field), 1 }
/* An expression of the headers' macros (CMSG_LEN(0) ...). */
#define UC_PROBE_VALUE(expression) \
  { #expression, (int64_t)(expression), 1 }

#ifdef MSG_CMSG_CLOEXEC
#define UC_PROBE_MSG_CMSG_CLOEXEC UC_PROBE_CONSTANT(MSG_CMSG_CLOEXEC)
#else
#define UC_PROBE_MSG_CMSG_CLOEXEC UC_PROBE_ABSENT(MSG_CMSG_CLOEXEC)
#endif

/*
 * What every OS file takes from its OS through the shared headers (unix_cred/posix.h, process.h, passing.h,
 * async.h): the id types, the socket calls, the descriptor passing, the descriptor flags, and the errors the files tell apart
 * (numbered in the logic tests as c-driver.ts's tables say).
 */
#define UC_PROBE_COMMON                                                                                                        \
  UC_PROBE_SIZE(pid_t), UC_PROBE_SIZE(uid_t), UC_PROBE_SIZE(gid_t), UC_PROBE_SIZE(socklen_t), UC_PROBE_CONSTANT(SOL_SOCKET),   \
      UC_PROBE_CONSTANT(SO_ACCEPTCONN), UC_PROBE_CONSTANT(SO_TYPE), UC_PROBE_CONSTANT(AF_UNSPEC), UC_PROBE_CONSTANT(AF_UNIX),  \
      UC_PROBE_CONSTANT(AF_INET), UC_PROBE_CONSTANT(SOCK_STREAM), UC_PROBE_CONSTANT(SOCK_DGRAM),                               \
      UC_PROBE_OFFSET(struct sockaddr_storage, ss_family), UC_PROBE_CONSTANT(SCM_RIGHTS), UC_PROBE_CONSTANT(MSG_TRUNC),        \
      UC_PROBE_CONSTANT(MSG_CTRUNC), UC_PROBE_CONSTANT(MSG_DONTWAIT), UC_PROBE_MSG_CMSG_CLOEXEC, UC_PROBE_VALUE(CMSG_LEN(0)),  \
      UC_PROBE_VALUE(CMSG_SPACE(1)), UC_PROBE_CONSTANT(F_SETFD), UC_PROBE_CONSTANT(FD_CLOEXEC), UC_PROBE_CONSTANT(F_GETFL),    \
      UC_PROBE_CONSTANT(F_SETFL), UC_PROBE_CONSTANT(O_NONBLOCK), UC_PROBE_CONSTANT(F_DUPFD_CLOEXEC), UC_PROBE_CONSTANT(EBADF), \
      UC_PROBE_CONSTANT(EINVAL), UC_PROBE_CONSTANT(ENOTSOCK), UC_PROBE_CONSTANT(ENOPROTOOPT), UC_PROBE_CONSTANT(EOPNOTSUPP),   \
      UC_PROBE_CONSTANT(ENOTCONN), UC_PROBE_CONSTANT(EAGAIN), UC_PROBE_CONSTANT(EWOULDBLOCK), UC_PROBE_CONSTANT(EINTR)

/* LOCAL_PEERCRED's struct xucred as unix_cred/xucred.h reads it (FreeBSD, DragonFly, macOS). */
#define UC_PROBE_XUCRED                                                                               \
  UC_PROBE_CONSTANT(LOCAL_PEERCRED), UC_PROBE_CONSTANT(XUCRED_VERSION), UC_PROBE_SIZE(struct xucred), \
      UC_PROBE_OFFSET(struct xucred, cr_version), UC_PROBE_OFFSET(struct xucred, cr_uid),             \
      UC_PROBE_OFFSET(struct xucred, cr_ngroups), UC_PROBE_OFFSET(struct xucred, cr_groups),          \
      UC_PROBE_FIELD_SIZE(struct xucred, cr_groups)

/*
 * The ids every BSD's struct sockcred ends with, and the groups after them (LOCAL_CREDS, from 4.4BSD-Lite), for an
 * entry macro (UC_PROBE_OFFSET; UC_PROBE_ABSENT_OFFSET where the headers lack the struct).
 */
#define UC_PROBE_SOCKCRED_IDS(entry, type)                                                                       \
  entry(type, sc_uid), entry(type, sc_euid), entry(type, sc_gid), entry(type, sc_egid), entry(type, sc_ngroups), \
      entry(type, sc_groups)

/* After the table, which every probe names uc_probe_table and starts and ends with the markers. */
#define UC_PROBE_MAIN                                                                   \
  int main(void) {                                                                      \
    for (size_t i = 1; i + 1 < sizeof uc_probe_table / sizeof uc_probe_table[0]; i++) { \
      const uc_probe_entry *entry = &uc_probe_table[i];                                 \
      if (entry->present)                                                               \
        printf("%s = %lld\n", entry->name, (long long)entry->value);                    \
      else                                                                              \
        printf("%s = absent\n", entry->name);                                           \
    }                                                                                   \
    return 0;                                                                           \
  }

#endif
