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

/* Copies an answer of `size` bytes, cut to the caller's buffer as every kernel does. */
static int answer(const void *data, socklen_t size, void *value, socklen_t *len) {
  if (size < *len) *len = size;
  memcpy(value, data, *len);
  return 0;
}

/* The scenario's value of option (level, name): an unused (zeroed) slot answers nothing, not option (0, 0). */
static const uc_fake_option *scenario_option(int level, int name) {
  for (size_t i = 0; i < sizeof uc_current->options / sizeof uc_current->options[0]; i++) {
    const uc_fake_option *option = &uc_current->options[i];
    if (option->level == level && option->name == name && (option->error != 0 || option->value != NULL)) return option;
  }
  return NULL;
}

int uc_fake_model_answer(int level, int name) {
  const uc_kernel_model *kernel = uc_current->kernel;
  for (size_t i = 0; i < sizeof kernel->options / sizeof kernel->options[0]; i++) {
    const uc_model_option *option = &kernel->options[i];
    /* An unused (zeroed) slot is no option (0, 0). */
    if (option->level == level && option->name == name && (level != 0 || name != 0)) return option->answers[uc_current->socket];
  }
  return ENOPROTOOPT;
}

/* getsockopt as the scenario's kernel model answers it for a socket in the scenario's state. */
static int model_getsockopt(const uc_kernel_model *kernel, int level, int name, void *value, socklen_t *len) {
  if (level == SOL_SOCKET && name == SO_ACCEPTCONN) {
    if (kernel->acceptconn == 0) return fail(ENOPROTOOPT);
    int listening = uc_current->socket == UC_SOCK_LISTENING ? kernel->acceptconn : 0;
    return answer(&listening, sizeof listening, value, len);
  }
  static const int ip_int = 0x10;
  int model_answer = uc_fake_model_answer(level, name);
  switch (model_answer) {
    case UC_ANSWER_IP_INT:
      return answer(&ip_int, sizeof ip_int, value, len);
    case UC_ANSWER_IP_EMPTY:
      *len = 0;
      return 0;
    case UC_ANSWER_IDS:
    case UC_ANSWER_OWN_IDS: {
      const uc_fake_option *ids = scenario_option(level, name);
      if (ids == NULL || ids->error != 0) abort(); /* a model scenario gives the ids of every option it reads */
      return answer(ids->value, ids->len, value, len);
    }
    default:
      return fail(model_answer);
  }
}

int getsockopt(int fd, int level, int name, void *value, socklen_t *len) {
  (void)fd;
  uc_fake_count("getsockopt");
  if (uc_current->error != 0) return fail(uc_current->error);
  if (uc_current->kernel != NULL) return model_getsockopt(uc_current->kernel, level, name, value, len);
  if (level == SOL_SOCKET && name == SO_ACCEPTCONN) return answer(&uc_current->listening, sizeof(int), value, len);
  const uc_fake_option *option = scenario_option(level, name);
  /* An option the passing model keeps (the receiver's flag after a send: c/fake_passing.c). */
  int kept;
  if (option == NULL && uc_fake_kernel_option(level, name, &kept)) return answer(&kept, sizeof kept, value, len);
  if (option == NULL) return fail(ENOPROTOOPT);
  if (option->error != 0) return fail(option->error);
  return answer(option->value, option->len, value, len);
}

int uc_fake_datagram(void) {
  const uc_fake_option *type = scenario_option(SOL_SOCKET, SO_TYPE);
  return type != NULL && type->value != NULL && *(const int *)type->value == SOCK_DGRAM;
}

int getsockname(int fd, struct sockaddr *address, socklen_t *len) {
  (void)fd;
  uc_fake_count("getsockname");
  if (uc_current->error != 0) return fail(uc_current->error);
  if (uc_current->kernel != NULL) {
    int family = uc_current->socket == UC_SOCK_TCP ? AF_INET : AF_UNIX;
    /* An empty name: nothing is written, the length says 0 (DragonFly kern_getsockname, docs/platforms.md section 4). */
    if (family == AF_UNIX && uc_current->unbound && uc_current->kernel->unbound_name_empty) {
      *len = 0;
      return 0;
    }
    address->sa_family = (sa_family_t)family;
  } else {
    address->sa_family = (sa_family_t)uc_current->family;
  }
  if (*len > sizeof *address) *len = sizeof *address;
  return 0;
}

void *uc_fake_malloc(size_t size) {
  uc_fake_count("malloc");
  return uc_current->fail_malloc ? NULL : (malloc)(size);
}
