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

#define UC_WORDS 16
#define UC_INLINE_BYTES 4096

/* arg bit for peer queries: refuse a listening socket (it would answer with the listener's own ids). */
#define UC_CHECK_LISTENING 1

#define UC_E_LISTENING (-10001)   /* the socket is listening: it has no peer */
#define UC_E_NO_PEER (-10002)     /* unconnected, or the kernel holds no peer credentials */
#define UC_E_NOT_UNIX (-10003)    /* not an AF_UNIX socket */
#define UC_E_UNSUPPORTED (-10004) /* this OS or kernel lacks the feature */
#define UC_E_BAD_VERSION (-10005) /* the kernel answered a structure version we do not know */
#define UC_E_BAD_LENGTH (-10006)  /* the kernel answered a length we do not expect */
#define UC_E_TRUNCATED (-10007)   /* control data truncated in transit */
#define UC_E_NO_MEMORY (-10008)
#define UC_E_WOULD_BLOCK (-10009) /* a non-blocking send or receive found the socket not ready: wait, then call again */
#define UC_E_PEER_CLOSED (-10010) /* the peer closed the connection before the byte the call waits for */

typedef struct uc_out {
  uint32_t *words;      /* UC_WORDS fixed-size result fields */
  unsigned char *bytes; /* variable-size results: the inline area, or a larger heap block */
  size_t capacity;      /* size of bytes */
  unsigned char *heap;  /* non-NULL when bytes was grown; the glue copies it out and frees it */
} uc_out;

typedef int (*uc_op)(int fd, int arg, uc_out *out);

/* Room for n bytes of variable-size result; NULL when memory is exhausted. */
static inline unsigned char *uc_out_reserve(uc_out *out, size_t n) {
  if (n <= out->capacity) return out->bytes;
  unsigned char *grown = (unsigned char *)malloc(n);
  if (grown == NULL) return NULL;
  free(out->heap);
  out->heap = grown;
  out->bytes = grown;
  out->capacity = n;
  return grown;
}

#endif
