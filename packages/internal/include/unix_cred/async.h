// Waiting for a socket to become readable or writable without blocking a thread: a uv_poll_t on the event
// loop of the calling environment (the main thread's or a worker's; never uv_default_loop) that settles a
// promise. It polls a duplicate of the descriptor, so it never collides with libuv's own watcher of a
// net.Socket (uv_poll_init would fail with EEXIST) and the socket stays open while a wait is pending.
// The passing ops themselves never wait (unix_cred/passing.h); @unix-cred/internal's passing.ts calls
//   wait(fd, events, id)  events: 1 readable, 2 writable. A promise of 0 (ready), a negative uv error, or
//                         kCancelled; or a negative errno at once when no wait could start;
//   cancel(id)            settles that wait with kCancelled (an AbortSignal, a destroyed socket).
// The poll is stopped and closed before its promise settles. A worker that exits mid-wait closes it from an
// async cleanup hook, which keeps the worker's loop running until the handle is closed.
#ifndef UNIX_CRED_ASYNC_H
#define UNIX_CRED_ASYNC_H

#include <fcntl.h>
#include <node_api.h>
#include <unistd.h>
#include <uv.h>

#include <cerrno>
#include <cstdint>

namespace unix_cred {
namespace async {

constexpr int32_t kCancelled = 1;

struct Waits;

struct Wait {
  uv_poll_t poll;
  napi_env env = nullptr;
  napi_deferred deferred = nullptr;
  napi_async_cleanup_hook_handle cleanup = nullptr;
  Waits *owner = nullptr;  // the environment's list while pending; null once settling
  Wait *next = nullptr;
  uint32_t id = 0;
  int fd = -1;  // the duplicate polled
};

// The pending waits of one environment: cancel finds them by id.
struct Waits {
  Wait *head = nullptr;
};

inline void OnClosed(uv_handle_t *handle) {
  Wait *wait = static_cast<Wait *>(handle->data);
  if (wait->cleanup != nullptr) napi_remove_async_cleanup_hook(wait->cleanup);
  delete wait;
}

// Unlinks the wait and stops polling at once (uv_close stops the poll synchronously), so that libuv or the
// next wait may watch the socket; the handle's memory goes when libuv has closed it.
inline void Stop(Wait *wait) {
  for (Wait **link = &wait->owner->head; *link != nullptr; link = &(*link)->next) {
    if (*link == wait) {
      *link = wait->next;
      break;
    }
  }
  wait->owner = nullptr;
  uv_close(reinterpret_cast<uv_handle_t *>(&wait->poll), OnClosed);
  close(wait->fd);
}

inline void Resolve(napi_env env, napi_deferred deferred, int32_t status) {
  napi_value value;
  napi_create_int32(env, status, &value);
  napi_resolve_deferred(env, deferred, value);
}

// From the loop, inside a callback scope: closing it runs the microtasks, so the awaiting code goes on at once.
inline void OnReady(uv_poll_t *poll, int status, int) {
  Wait *wait = static_cast<Wait *>(poll->data);
  napi_env env = wait->env;
  napi_deferred deferred = wait->deferred;
  Stop(wait);
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value resource, name;
  napi_create_object(env, &resource);
  napi_create_string_utf8(env, "unix-cred:wait", NAPI_AUTO_LENGTH, &name);
  napi_async_context context;
  napi_async_init(env, resource, name, &context);
  napi_callback_scope callback_scope;
  napi_open_callback_scope(env, resource, context, &callback_scope);
  Resolve(env, deferred, status);
  napi_close_callback_scope(env, callback_scope);
  napi_async_destroy(env, context);
  napi_close_handle_scope(env, scope);
}

// The environment is going away (a worker exits): stop polling; its promise is never settled.
inline void OnTeardown(napi_async_cleanup_hook_handle, void *arg) {
  Wait *wait = static_cast<Wait *>(arg);
  if (wait->owner != nullptr) Stop(wait);
}

inline napi_value Start(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  void *data;
  napi_get_cb_info(env, info, &argc, argv, nullptr, &data);
  int32_t fd = -1, events = 0;
  uint32_t id = 0;
  if (argc < 3 || napi_get_value_int32(env, argv[0], &fd) != napi_ok || napi_get_value_int32(env, argv[1], &events) != napi_ok ||
      napi_get_value_uint32(env, argv[2], &id) != napi_ok) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", "wait takes (fd: int32, events: int32, id: uint32)");
    return nullptr;
  }
  napi_value result;
  int copy = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (copy < 0) {
    napi_create_int32(env, -errno, &result);
    return result;
  }
  // uv_poll_init makes the descriptor non-blocking, and that flag is shared with every copy of it (the
  // caller's raw descriptor, a child's): put it back. The ops never need it: they pass MSG_DONTWAIT.
  int status_flags = fcntl(copy, F_GETFL);
  uv_loop_t *loop = nullptr;
  Wait *wait = new Wait();
  int rc = napi_get_uv_event_loop(env, &loop) == napi_ok ? uv_poll_init(loop, &wait->poll, copy) : UV_EINVAL;
  if (status_flags >= 0 && !(status_flags & O_NONBLOCK)) fcntl(copy, F_SETFL, status_flags);
  if (rc != 0) {
    close(copy);
    delete wait;
    napi_create_int32(env, rc, &result);
    return result;
  }
  Waits *waits = static_cast<Waits *>(data);
  wait->poll.data = wait;
  wait->env = env;
  wait->id = id;
  wait->fd = copy;
  wait->owner = waits;
  wait->next = waits->head;
  waits->head = wait;
  napi_create_promise(env, &wait->deferred, &result);
  napi_add_async_cleanup_hook(env, OnTeardown, wait, &wait->cleanup);
  rc = uv_poll_start(&wait->poll, events & (UV_READABLE | UV_WRITABLE), OnReady);
  if (rc != 0) {
    napi_deferred deferred = wait->deferred;
    Stop(wait);
    Resolve(env, deferred, rc);
  }
  return result;
}

inline napi_value Cancel(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  void *data;
  napi_get_cb_info(env, info, &argc, argv, nullptr, &data);
  uint32_t id = 0;
  if (argc < 1 || napi_get_value_uint32(env, argv[0], &id) != napi_ok) return nullptr;
  for (Wait *wait = static_cast<Waits *>(data)->head; wait != nullptr; wait = wait->next) {
    if (wait->id != id) continue;
    napi_deferred deferred = wait->deferred;
    Stop(wait);
    Resolve(env, deferred, kCancelled);
    break;
  }
  return nullptr;
}

// Runs after the waits' own cleanup hooks (hooks run newest first), so normally finds none pending.
inline void FreeWaits(void *arg) {
  Waits *waits = static_cast<Waits *>(arg);
  while (waits->head != nullptr) Stop(waits->head);
  delete waits;
}

inline void Export(napi_env env, napi_value exports) {
  Waits *waits = new Waits();
  napi_add_env_cleanup_hook(env, FreeWaits, waits);
  napi_value fn;
  napi_create_function(env, "wait", NAPI_AUTO_LENGTH, Start, waits, &fn);
  napi_set_named_property(env, exports, "wait", fn);
  napi_create_function(env, "cancel", NAPI_AUTO_LENGTH, Cancel, waits, &fn);
  napi_set_named_property(env, exports, "cancel", fn);
}

}  // namespace async
}  // namespace unix_cred

#endif
