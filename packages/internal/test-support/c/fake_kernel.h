/*
 * A fake kernel for the logic tests of the OS files, which are compiled on Linux against stand-in
 * headers of their OS: getsockopt and getsockname answer what the running scenario says.
 */
#ifndef UC_FAKE_KERNEL_H
#define UC_FAKE_KERNEL_H

#include <sys/types.h>
#include <sys/socket.h>

#include "unix_cred/os.h"

/* One getsockopt answer: an errno, or `len` bytes of `value`. */
typedef struct uc_fake_option {
  int level;
  int name;
  int error;
  const void *value;
  socklen_t len;
} uc_fake_option;

typedef struct uc_scenario {
  const char *name;
  uc_op op;
  int arg;
  int error;        /* errno of every call on the descriptor (EBADF, ENOTSOCK); 0 for a socket */
  int family;       /* what getsockname answers */
  int listening;    /* what SO_ACCEPTCONN answers */
  int fail_malloc;  /* malloc returns NULL */
  uc_fake_option options[2]; /* any other option answers ENOPROTOOPT */
  const void *peer; /* state of an OS-specific fake (Solaris: the peer's ucred) */
} uc_scenario;

/* Defined by each OS's scenario file. */
extern const uc_scenario uc_scenarios[];
extern const size_t uc_scenario_count;

/* The scenario running. */
extern const uc_scenario *uc_current;

/* Counts a call; the driver prints the counts of each scenario. */
void uc_fake_count(const char *counter);

#endif
