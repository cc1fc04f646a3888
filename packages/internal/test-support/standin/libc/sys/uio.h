/* Stand-in libc header: struct iovec, the same on every OS here. */
#ifndef UC_STANDIN_SYS_UIO_H
#define UC_STANDIN_SYS_UIO_H
#include <stddef.h>
struct iovec {
  void *iov_base;
  size_t iov_len;
};
#endif
