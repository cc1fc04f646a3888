/* The fake kernel of fake_kernel.h: the running scenario is the only state. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fake_kernel.h"

int uc_fake_errno;
const uc_scenario *uc_current;

static int fail(int error) {
  errno = error;
  return -1;
}

int getsockopt(int fd, int level, int name, void *value, socklen_t *len) {
  (void)fd;
  uc_fake_count("getsockopt");
  if (uc_current->error != 0) return fail(uc_current->error);
  const uc_fake_option *answer = NULL;
  uc_fake_option listening = {SOL_SOCKET, SO_ACCEPTCONN, 0, &uc_current->listening, sizeof(int)};
  if (level == SOL_SOCKET && name == SO_ACCEPTCONN) answer = &listening;
  for (size_t i = 0; answer == NULL && i < sizeof uc_current->options / sizeof uc_current->options[0]; i++) {
    const uc_fake_option *option = &uc_current->options[i];
    /* An unused (zeroed) slot answers nothing, not option (0, 0). */
    if (option->level == level && option->name == name && (option->error != 0 || option->value != NULL)) answer = option;
  }
  if (answer == NULL) return fail(ENOPROTOOPT);
  if (answer->error != 0) return fail(answer->error);
  if (answer->len < *len) *len = answer->len;
  memcpy(value, answer->value, *len);
  return 0;
}

int getsockname(int fd, struct sockaddr *address, socklen_t *len) {
  (void)fd;
  uc_fake_count("getsockname");
  if (uc_current->error != 0) return fail(uc_current->error);
  address->sa_family = (sa_family_t)uc_current->family;
  if (*len > sizeof *address) *len = sizeof *address;
  return 0;
}

void *uc_fake_malloc(size_t size) {
  uc_fake_count("malloc");
  return uc_current->fail_malloc ? NULL : (malloc)(size);
}
