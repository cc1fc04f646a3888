/*
 * (e) sendFds + receiveFds: FDS descriptors of /dev/null with one byte (SCM_RIGHTS), received
 * close-on-exec, then closed. Built with -DFDS=1 and -DFDS=253 (the most one message carries).
 */
#include "bench.h"
#include "passing.h"

#include <fcntl.h>

static int op(int fd, int peer) {
  static int file = -1; /* what is sent: opened once */
  if (file < 0 && (file = open("/dev/null", O_RDONLY | O_CLOEXEC)) < 0) return -errno;
  pass_control control;
  control.header.cmsg_len = CMSG_LEN(FDS * sizeof(int));
  control.header.cmsg_level = SOL_SOCKET;
  control.header.cmsg_type = SCM_RIGHTS;
  for (int i = 0; i < FDS; i++) memcpy(CMSG_DATA(&control.header) + i * sizeof(int), &file, sizeof file);
  int rc = send_byte(fd, &control, CMSG_SPACE(FDS * sizeof(int)));
  if (rc != 0) return rc;
  struct cmsghdr *message = receive_byte(peer, &control, &rc);
  if (rc != 0) return rc;
  if (message == NULL || message->cmsg_type != SCM_RIGHTS) return -EPROTO;
  size_t count = (message->cmsg_len - CMSG_LEN(0)) / sizeof(int);
  for (size_t i = 0; i < count; i++) {
    int received;
    memcpy(&received, CMSG_DATA(message) + i * sizeof(int), sizeof received);
    close(received);
  }
  return count == FDS ? 0 : -EPROTO;
}
