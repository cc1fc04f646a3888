/* One byte with a control message, sent and received as the library's passing ops do (unix_cred/passing.h). */
#ifndef BENCH_PASSING_H
#define BENCH_PASSING_H
#include <sys/uio.h>

/* As the library's receive buffer: room for all a message may carry. */
typedef union pass_control {
  struct cmsghdr header;
  unsigned char bytes[sizeof(int) * 512 + 1024];
} pass_control;

static int send_byte(int fd, pass_control *control, size_t control_len) {
  unsigned char byte = 0;
  struct iovec iov = {&byte, 1};
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control, .msg_controllen = control_len};
  return sendmsg(fd, &msg, MSG_DONTWAIT) == 1 ? 0 : -errno;
}

/* The first control message that came with the byte, or NULL; *error is 0 or -errno. */
static struct cmsghdr *receive_byte(int fd, pass_control *control, int *error) {
  unsigned char byte;
  struct iovec iov = {&byte, 1};
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof *control};
  ssize_t got = recvmsg(fd, &msg, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
  *error = got == 1 ? 0 : got == 0 ? -EPIPE : -errno;
  return *error == 0 ? CMSG_FIRSTHDR(&msg) : NULL;
}
#endif
