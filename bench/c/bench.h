/*
 * The C floor for one unix-cred operation: each program defines op(fd, peer), the same system calls the
 * library's native code makes (packages/linux/src), and this file times it. fd is the descriptor
 * measured; peer is the other end of its connection (the passing ops send on fd and receive on peer).
 * Built as a program, it runs on its own socketpair:  prog [--thread] ITERATIONS  ->  prints ns/op.
 * Built with -DBENCH_ADDON, it is a Node-API module whose run(fd, peer, n) times the same loop inside the
 * bench's own Node process, on the very descriptors the library is measured on: the fair floor. Its
 * once(fd, peer) makes one operation per call: JavaScript calling C for each operation, with no library
 * between, the floor of any API that answers one call at a time.
 * --thread starts one idle thread first, as every Node process has threads: the kernel then takes a
 * file reference on each descriptor lookup (fdget on a shared descriptor table), which costs per call.
 * Exit 3 when the kernel lacks the option (ENOPROTOOPT), 1 on any other failure.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "../../packages/internal/include/unix_cred/linux_options.h"

/* One operation: 0 or -errno. */
static int op(int fd, int peer);

/*
 * SO_ACCEPTCONN (refuse a listening socket) + SO_PEERCRED with the library's length and sentinel checks
 * (inline: the passing programs do not use it).
 */
static inline int peer_cred(int fd, struct ucred *cred) {
  int listening = 0;
  socklen_t len = sizeof listening;
  if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) != 0) return -errno;
  if (listening) return -EINVAL;
  len = sizeof *cred;
  if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, cred, &len) != 0) return -errno;
  if (len != sizeof *cred || (cred->pid == 0 && cred->uid == (uid_t)-1)) return -ENOTCONN;
  return 0;
}

static int run(int fd, int peer, long n) {
  for (long i = 0; i < n; i++) {
    int rc = op(fd, peer);
    if (rc != 0) return rc;
  }
  return 0;
}

#ifdef BENCH_ADDON
#include <node_api.h>

static napi_value run_in_node(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3], result;
  int32_t fd = -1, peer = -1;
  int64_t n = 0;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  napi_get_value_int32(env, argv[0], &fd);
  napi_get_value_int32(env, argv[1], &peer);
  napi_get_value_int64(env, argv[2], &n);
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  int rc = run(fd, peer, n);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  if (rc != 0) {
    napi_throw_error(env, rc == -ENOPROTOOPT ? "ERR_UNIX_CRED_UNSUPPORTED" : NULL, strerror(-rc));
    return NULL;
  }
  napi_create_double(env, ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / (double)n, &result);
  return result;
}

static napi_value once_in_node(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  int32_t fd = -1, peer = -1;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  napi_get_value_int32(env, argv[0], &fd);
  napi_get_value_int32(env, argv[1], &peer);
  int rc = op(fd, peer);
  if (rc != 0) napi_throw_error(env, rc == -ENOPROTOOPT ? "ERR_UNIX_CRED_UNSUPPORTED" : NULL, strerror(-rc));
  return NULL;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  napi_create_function(env, "run", NAPI_AUTO_LENGTH, run_in_node, NULL, &fn);
  napi_set_named_property(env, exports, "run", fn);
  napi_create_function(env, "once", NAPI_AUTO_LENGTH, once_in_node, NULL, &fn);
  napi_set_named_property(env, exports, "once", fn);
  return exports;
}
#else
static void *idle(void *arg) {
  (void)arg;
  for (;;) pause();
  return NULL;
}

int main(int argc, char **argv) {
  int threaded = argc > 2 && strcmp(argv[1], "--thread") == 0;
  long n = argc > 1 ? atol(argv[argc - 1]) : 0;
  int sv[2];
  pthread_t thread;
  if (n <= 0) {
    fprintf(stderr, "usage: %s [--thread] ITERATIONS\n", argv[0]);
    return 1;
  }
  if (threaded && pthread_create(&thread, NULL, idle, NULL) != 0) {
    perror("pthread_create");
    return 1;
  }
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) {
    perror("socketpair");
    return 1;
  }
  struct timespec t0, t1;
  int rc = run(sv[0], sv[1], n / 10 + 1); /* warm-up */
  clock_gettime(CLOCK_MONOTONIC, &t0);
  if (rc == 0) rc = run(sv[0], sv[1], n);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  if (rc != 0) {
    fprintf(stderr, "%s: %s\n", argv[0], strerror(-rc));
    return rc == -ENOPROTOOPT ? 3 : 1;
  }
  printf("%.2f\n", ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / (double)n);
  return 0;
}
#endif
