// The N-API glue every platform addon shares: one generic call path for all uc_op functions,
// a per-environment result buffer (context-aware: no process-global mutable state), and module setup.
#ifndef UNIX_CRED_ADDON_H
#define UNIX_CRED_ADDON_H

#include <napi.h>

#include <cstring>
#include <vector>

#include "unix_cred/async.h"
#include "unix_cred/os.h"

namespace unix_cred {

struct Instance;

struct Binding {
  Instance *instance;
  uc_op op;
};

struct Instance {
  uint32_t *words = nullptr;
  unsigned char *inline_bytes = nullptr;
  std::vector<Binding> bindings;
  Napi::Reference<Napi::ArrayBuffer> buffer;
  // The last heap block a result needed, kept for the next (a receive reserves maxData, 64 KiB by default, on
  // every call: a malloc and a free of that size cost more than its system call), up to kMaxSpare.
  unsigned char *spare = nullptr;
  size_t spare_capacity = 0;
  ~Instance() { free(spare); }
};

constexpr size_t kMaxSpare = 1 << 20;

// Raw N-API on the hot path: two int32 arguments in, one int32 (or an ArrayBuffer for a large
// variable-size result) out. The result fields travel through the shared buffer, not a new object.
inline napi_value Call(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  void *data;
  napi_get_cb_info(env, info, &argc, argv, nullptr, &data);
  const Binding *binding = static_cast<const Binding *>(data);
  int32_t fd = -1, arg = 0;
  if (argc < 2 || napi_get_value_int32(env, argv[0], &fd) != napi_ok || napi_get_value_int32(env, argv[1], &arg) != napi_ok) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", "native call takes (fd: int32, arg: int32)");
    return nullptr;
  }
  Instance *instance = binding->instance;
  uc_out out = {instance->words, instance->inline_bytes, UC_INLINE_BYTES, nullptr, instance->spare, instance->spare_capacity};
  int rc = binding->op(fd, arg, &out);
  napi_value result;
  if (out.bytes != instance->inline_bytes) {
    // A block reserved for the most that may come (a receive's maxData) usually holds a few bytes:
    // those go inline, which costs less than an ArrayBuffer per call.
    if (rc >= 0 && static_cast<size_t>(rc) <= UC_INLINE_BYTES) {
      std::memcpy(instance->inline_bytes, out.bytes, static_cast<size_t>(rc));
    } else if (rc >= 0) {
      void *copy;
      napi_create_arraybuffer(env, static_cast<size_t>(rc), &copy, &result);
      std::memcpy(copy, out.bytes, static_cast<size_t>(rc));
    }
    if (out.heap != nullptr && out.capacity <= kMaxSpare) {
      free(instance->spare);
      instance->spare = out.heap;
      instance->spare_capacity = out.capacity;
    } else {
      free(out.heap);
    }
    if (rc >= 0 && static_cast<size_t>(rc) > UC_INLINE_BYTES) return result;
  }
  napi_create_int32(env, rc, &result);
  return result;
}

inline Napi::Object Init(Napi::Env env, Napi::Object exports, const uc_operation *ops, size_t count) {
  Instance *instance = new Instance();
  env.SetInstanceData<Instance>(instance);
  Napi::ArrayBuffer buffer = Napi::ArrayBuffer::New(env, UC_WORDS * sizeof(uint32_t) + UC_INLINE_BYTES);
  instance->buffer = Napi::Persistent(buffer);
  instance->words = static_cast<uint32_t *>(buffer.Data());
  instance->inline_bytes = static_cast<unsigned char *>(buffer.Data()) + UC_WORDS * sizeof(uint32_t);
  instance->bindings.reserve(count);
  exports.Set("buffer", buffer);

  // The contract of unix_cred/os.h by name, for JavaScript to read rather than copy.
  Napi::Object errors = Napi::Object::New(env);
#define UC_EXPORT_ERROR(name, value) errors.Set(#name, static_cast<int32_t>(UC_E_##name));
  UC_ERRORS(UC_EXPORT_ERROR)
#undef UC_EXPORT_ERROR
  exports.Set("errors", errors);
  Napi::Object constants = Napi::Object::New(env);
#define UC_EXPORT_CONSTANT(name, value) constants.Set(#name, static_cast<int32_t>(UC_##name));
  UC_CONSTANTS(UC_EXPORT_CONSTANT)
#undef UC_EXPORT_CONSTANT
  // The events of the wait function (unix_cred/async.h).
  constants.Set("READABLE", static_cast<int32_t>(UV_READABLE));
  constants.Set("WRITABLE", static_cast<int32_t>(UV_WRITABLE));
  exports.Set("constants", constants);
  async::Export(env, exports);

  // The ops, and their names: the loader checks every op its JavaScript calls is among them.
  Napi::Array names = Napi::Array::New(env, count);
  for (size_t i = 0; i < count; i++) {
    instance->bindings.push_back({instance, ops[i].op});
    napi_value fn;
    napi_create_function(env, ops[i].name, NAPI_AUTO_LENGTH, Call, &instance->bindings.back(), &fn);
    exports.Set(ops[i].name, Napi::Value(env, fn));
    names.Set(static_cast<uint32_t>(i), ops[i].name);
  }
  exports.Set("ops", names);
  return exports;
}

} // namespace unix_cred

// The module of an addon: its OS file's op table (unix_cred/os.h uc_operations) over the shared glue.
#define UNIX_CRED_ADDON()                                                    \
  static Napi::Object UnixCredInit(Napi::Env env, Napi::Object exports) {    \
    return unix_cred::Init(env, exports, uc_operations, uc_operation_count); \
  }                                                                          \
  NODE_API_MODULE(NODE_GYP_MODULE_NAME, UnixCredInit)

#endif
