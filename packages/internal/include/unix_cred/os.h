/*
 * The contract between one OS's native file (plain C, that OS's headers only) and the shared N-API glue.
 *
 * Every exported operation has the shape  int op(int fd, int arg, uc_out *out):
 *   - it writes fixed-size results into out->words and variable-size ones into out->bytes;
 *   - it returns >= 0 on success (for variable-size results: the number of bytes written),
 *     -errno for a failed system call, or one of the UC_E_* codes below (all below any errno).
 */
#ifndef UNIX_CRED_OS_H
#define UNIX_CRED_OS_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

/*
 * The error codes an op returns, all below any errno. Declared here only: the addon exports them to JavaScript
 * by name (its `errors`), and the fake-kernel tests read them from a build of this header.
 */
#define UC_ERRORS(X)                                                                                            \
  X(LISTENING, -10001)   /* the socket is listening: it has no peer */                                          \
  X(NO_PEER, -10002)     /* unconnected, or the kernel holds no peer credentials */                             \
  X(NOT_UNIX, -10003)    /* not an AF_UNIX socket */                                                            \
  X(UNSUPPORTED, -10004) /* this OS or kernel lacks the feature */                                              \
  X(BAD_VERSION, -10005) /* the kernel answered a structure version we do not know */                           \
  X(BAD_LENGTH, -10006)  /* the kernel answered a length we do not expect */                                    \
  X(TRUNCATED, -10007)   /* control data truncated in transit */                                                \
  X(NO_MEMORY, -10008)                                                                                          \
  X(WOULD_BLOCK, -10009) /* a non-blocking send or receive found the socket not ready: wait, then call again */ \
  X(PEER_CLOSED, -10010) /* the peer closed the connection before the byte the call waits for */

/*
 * Every other number JavaScript and C must agree on: result layout, arg bits, result bits, bounds. Declared here
 * only; the addon exports them by name (its `constants`), and @unix-cred/internal reads them from there.
 */
#define UC_CONSTANTS(X)                                                                                                   \
  X(WORDS, 16)          /* fixed-size result fields */                                                                    \
  X(INLINE_BYTES, 4096) /* the inline variable-size result area, after the words */                                       \
  X(CHECK_LISTENING, 1) /* peer query arg bit: refuse a listening socket (it would answer with the listener's ids) */     \
  X(PEER_INET, 2)       /* peer query arg bit (illumos getpeerucred): answer for AF_INET and AF_INET6 sockets too */      \
  X(KNOWN_SUID, 1)      /* process credentials, words[0]: which optional ids the OS reported (unix_cred/process.h) */     \
  X(KNOWN_FSUID, 2)                                                                                                       \
  X(KNOWN_SGID, 4)                                                                                                        \
  X(KNOWN_FSGID, 8)                                                                                                       \
  X(PASS_CHECK, 1)               /* passing arg bit: a descriptor not seen before (unix_cred/passing.h) */                \
  X(PASS_KEEP_PIDFD, 2)          /* passReceiveCredentials arg bit: hand over a Linux SCM_PIDFD */                        \
  X(PASS_ENABLED_CREDENTIALS, 1) /* passEnable, words[0]: the kernel attaches the sender's credentials */                 \
  X(PASS_ENABLED_PIDFD, 2)       /* and a pidfd of the sender (Linux SO_PASSPIDFD) */                                     \
  X(CRED_MESSAGE, 1)             /* passReceiveCredentials, words[0]: a credential message arrived with the byte */       \
  X(CRED_PID, 2)                 /* it had a pid */                                                                       \
  X(CRED_GROUPS, 4)              /* it had the groups (in bytes) */                                                       \
  X(CRED_PIDFD, 8)               /* words[4] holds a pidfd of the sender, which the caller owns */                        \
  X(CRED_DATAGRAM, 16)           /* none came on a datagram socket, which has no peer whose credentials could stand in */ \
  X(PASS_MAX_SEND_FDS, 253)      /* most descriptors one send carries: Linux's SCM_MAX_FD (docs/platforms.md 6) */        \
  X(PASS_MAX_RECEIVE_FDS, 512)   /* most one receive takes: the most any kernel puts in one message (docs/platforms.md 6) */

#define UC_ERROR_ENUM(name, value)    UC_E_##name = (value),
#define UC_CONSTANT_ENUM(name, value) UC_##name = (value),
enum uc_error { UC_ERRORS(UC_ERROR_ENUM) };
enum uc_constant { UC_CONSTANTS(UC_CONSTANT_ENUM) };

typedef struct uc_out {
  uint32_t *words;      /* UC_WORDS fixed-size result fields */
  unsigned char *bytes; /* variable-size results: the inline area, or a larger heap block */
  size_t capacity;      /* size of bytes */
  unsigned char *heap;  /* non-NULL when bytes was grown; the glue copies it out, then frees it or keeps it as spare */
  unsigned char *spare; /* a block the glue keeps between calls (or NULL): used before a new one is allocated */
  size_t spare_capacity;
} uc_out;

typedef int (*uc_op)(int fd, int arg, uc_out *out);

/* An op and the name JavaScript calls it by. */
typedef struct uc_operation {
  const char *name;
  uc_op op;
} uc_operation;

/* The op table of the one OS file an addon is built from (UC_OPERATIONS in unix_cred/passing.h defines it). */
#ifdef __cplusplus
extern "C" {
#endif
extern const uc_operation uc_operations[];
extern const size_t uc_operation_count;
#ifdef __cplusplus
}
#endif

/* Room for n bytes of variable-size result; NULL when memory is exhausted. */
static inline unsigned char *uc_out_reserve(uc_out *out, size_t n) {
  if (n <= out->capacity) return out->bytes;
  if (n <= out->spare_capacity) {
    out->bytes = out->spare;
    out->capacity = out->spare_capacity;
    return out->bytes;
  }
  unsigned char *grown = (unsigned char *)malloc(n);
  if (grown == NULL) return NULL;
  free(out->heap);
  out->heap = grown;
  out->bytes = grown;
  out->capacity = n;
  return grown;
}

#endif
