// Waiting for a socket to become readable or writable without blocking a thread: a uv_poll_t on the event
// loop of the calling environment (the main thread's or a worker's; never uv_default_loop) that settles a
// promise. A call that must wait first holds a duplicate of the caller's descriptor, made while the number
// still names the caller's socket; it polls that duplicate (never libuv's own watcher of a net.Socket:
// uv_poll_init would fail with EEXIST) and makes every later system call on it, so that it acts on the
// socket it was given, never on whatever takes the number after the caller closes it. The passing ops
// themselves never wait (unix_cred/passing.h); @unix-cred/internal's passing.ts calls
//   hold(fd)              a duplicate of fd (close-on-exec), or a negative errno;
//   same(fd, copy)        1 if fd still names the open file `copy` duplicates, else 0 (closed, or another file);
//   release(copy)         closes a duplicate hold() made (0), and nothing else (-EBADF);
//   wait(copy, events, id) events: 1 readable, 2 writable. A promise of 0 (ready), a negative uv error, or
//                         kCancelled; or a negative errno at once when no wait could start;
//   cancel(id)            settles that wait with kCancelled (an AbortSignal, a destroyed socket).
// The poll is stopped and closed before its promise settles. A worker that exits mid-wait closes it from an
// async cleanup hook, which keeps the worker's loop running until the handle is closed, and the
// environment's cleanup closes every duplicate still held.
#ifndef UNIX_CRED_ASYNC_H
#define UNIX_CRED_ASYNC_H

#include <fcntl.h>
#include <node_api.h>
#include <sys/stat.h>
#include <unistd.h>
#include <uv.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <vector>

namespace unix_cred {
namespace async {

constexpr int32_t kCancelled = 1;

struct Waits;

struct Wait {
  uv_poll_t poll;
  napi_env env = nullptr;
  napi_deferred deferred = nullptr;
  napi_async_cleanup_hook_handle cleanup = nullptr;
  Waits *owner = nullptr; // the environment's list while pending; null once settling
  Wait *next = nullptr;
  uint32_t id = 0;
};

// The pending waits of one environment (cancel finds them by id) and the duplicates its calls hold.
struct Waits {
  Wait *head = nullptr;
  std::vector<int> held;
};

inline bool Holds(const Waits *waits, int fd) {
  return std::find(waits->held.begin(), waits->held.end(), fd) != waits->held.end();
}

// The arguments of a native call, all int32; false (with a TypeError thrown) when they are not.
inline bool Int32Arguments(napi_env env, napi_callback_info info, size_t count, int32_t *values, Waits **waits,
                           const char *usage) {
  napi_value argv[3];
  size_t argc = count;
  void *data;
  napi_get_cb_info(env, info, &argc, argv, nullptr, &data);
  *waits = static_cast<Waits *>(data);
  for (size_t i = 0; i < count; i++) {
    if (i >= argc || napi_get_value_int32(env, argv[i], &values[i]) != napi_ok) {
      napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", usage);
      return false;
    }
  }
  return true;
}

inline napi_value Int32(napi_env env, int32_t value) {
  napi_value result;
  napi_create_int32(env, value, &result);
  return result;
}

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

inline napi_value Hold(napi_env env, napi_callback_info info) {
  int32_t fd;
  Waits *waits;
  if (!Int32Arguments(env, info, 1, &fd, &waits, "hold takes (fd: int32)")) return nullptr;
  int copy = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (copy < 0) return Int32(env, -errno);
  waits->held.push_back(copy);
  return Int32(env, copy);
}

// Whether fd names the open file `copy` duplicates: a socket's file and its inode are one (st_dev, st_ino).
inline napi_value Same(napi_env env, napi_callback_info info) {
  int32_t args[2];
  Waits *waits;
  if (!Int32Arguments(env, info, 2, args, &waits, "same takes (fd: int32, copy: int32)")) return nullptr;
  struct stat named, held;
  if (!Holds(waits, args[1])) return Int32(env, -EBADF);
  if (fstat(args[1], &held) != 0) return Int32(env, -errno);
  if (fstat(args[0], &named) != 0) return Int32(env, errno == EBADF ? 0 : -errno);
  return Int32(env, named.st_dev == held.st_dev && named.st_ino == held.st_ino && named.st_mode == held.st_mode);
}

inline napi_value Release(napi_env env, napi_callback_info info) {
  int32_t copy;
  Waits *waits;
  if (!Int32Arguments(env, info, 1, &copy, &waits, "release takes (copy: int32)")) return nullptr;
  if (!Holds(waits, copy)) return Int32(env, -EBADF);
  waits->held.erase(std::find(waits->held.begin(), waits->held.end(), copy));
  close(copy);
  return Int32(env, 0);
}

inline napi_value Start(napi_env env, napi_callback_info info) {
  int32_t args[3];
  Waits *waits;
  if (!Int32Arguments(env, info, 3, args, &waits, "wait takes (copy: int32, events: int32, id: int32)")) return nullptr;
  int copy = args[0];
  if (!Holds(waits, copy)) return Int32(env, -EBADF);
  // uv_poll_init makes the descriptor non-blocking, and that flag is shared with every copy of it (the
  // caller's raw descriptor, a child's): put it back. The ops never need it: they pass MSG_DONTWAIT.
  int status_flags = fcntl(copy, F_GETFL);
  uv_loop_t *loop = nullptr;
  Wait *wait = new Wait();
  int rc = napi_get_uv_event_loop(env, &loop) == napi_ok ? uv_poll_init(loop, &wait->poll, copy) : UV_EINVAL;
  if (status_flags >= 0 && !(status_flags & O_NONBLOCK)) fcntl(copy, F_SETFL, status_flags);
  if (rc != 0) {
    delete wait;
    return Int32(env, rc);
  }
  wait->poll.data = wait;
  wait->env = env;
  wait->id = static_cast<uint32_t>(args[2]);
  wait->owner = waits;
  wait->next = waits->head;
  waits->head = wait;
  napi_value result;
  napi_create_promise(env, &wait->deferred, &result);
  napi_add_async_cleanup_hook(env, OnTeardown, wait, &wait->cleanup);
  rc = uv_poll_start(&wait->poll, args[1] & (UV_READABLE | UV_WRITABLE), OnReady);
  if (rc != 0) {
    napi_deferred deferred = wait->deferred;
    Stop(wait);
    Resolve(env, deferred, rc);
  }
  return result;
}

inline napi_value Cancel(napi_env env, napi_callback_info info) {
  int32_t id;
  Waits *waits;
  if (!Int32Arguments(env, info, 1, &id, &waits, "cancel takes (id: int32)")) return nullptr;
  for (Wait *wait = waits->head; wait != nullptr; wait = wait->next) {
    if (wait->id != static_cast<uint32_t>(id)) continue;
    napi_deferred deferred = wait->deferred;
    Stop(wait);
    Resolve(env, deferred, kCancelled);
    break;
  }
  return nullptr;
}

// Runs after the waits' own cleanup hooks (hooks run newest first), so normally finds none pending; closes
// the duplicates of calls that never settled (a worker that exited mid-wait).
inline void FreeWaits(void *arg) {
  Waits *waits = static_cast<Waits *>(arg);
  while (waits->head != nullptr) Stop(waits->head);
  for (int copy : waits->held) close(copy);
  delete waits;
}

inline void Export(napi_env env, napi_value exports) {
  Waits *waits = new Waits();
  napi_add_env_cleanup_hook(env, FreeWaits, waits);
  const struct {
    const char *name;
    napi_callback call;
  } functions[] = {{"hold", Hold}, {"same", Same}, {"release", Release}, {"wait", Start}, {"cancel", Cancel}};
  for (const auto &function : functions) {
    napi_value fn;
    napi_create_function(env, function.name, NAPI_AUTO_LENGTH, function.call, waits, &fn);
    napi_set_named_property(env, exports, function.name, fn);
  }
}

} // namespace async
} // namespace unix_cred

#endif
