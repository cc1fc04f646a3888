/*
 * The clients of the accept measurement: connect PATH COUNT connects COUNT times to the UNIX socket at
 * PATH, one connection after another, closing each at once. A blocking connect waits while the
 * server's backlog is full, so the server's accepting sets the pace.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int main(int argc, char **argv) {
  struct sockaddr_un address = {.sun_family = AF_UNIX};
  long count = argc == 3 ? atol(argv[2]) : 0;
  if (count <= 0 || strlen(argv[1]) >= sizeof address.sun_path) {
    fprintf(stderr, "usage: %s PATH COUNT\n", argv[0]);
    return 1;
  }
  strcpy(address.sun_path, argv[1]);
  for (long i = 0; i < count; i++) {
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0 || connect(fd, (struct sockaddr *)&address, sizeof address) != 0) {
      perror("connect");
      return 1;
    }
    close(fd);
  }
  return 0;
}
