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

struct Operation {
  const char *name;
  uc_op op;
};

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
};

// Raw N-API on the hot path: two int32 arguments in, one int32 (or an ArrayBuffer for a large
// variable-size result) out. The result fields travel through the shared buffer, not a new object.
inline napi_value Call(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  void *data;
  napi_get_cb_info(env, info, &argc, argv, nullptr, &data);
  const Binding *binding = static_cast<const Binding *>(data);
  int32_t fd = -1, arg = 0;
  if (argc < 2 || napi_get_value_int32(env, argv[0], &fd) != napi_ok ||
      napi_get_value_int32(env, argv[1], &arg) != napi_ok) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", "native call takes (fd: int32, arg: int32)");
    return nullptr;
  }
  Instance *instance = binding->instance;
  uc_out out = {instance->words, instance->inline_bytes, UC_INLINE_BYTES, nullptr};
  int rc = binding->op(fd, arg, &out);
  napi_value result;
  if (out.heap != nullptr) {
    // A heap block reserved for the most that may come (a receive's maxData) usually holds a few bytes:
    // those go inline, which costs less than an ArrayBuffer per call.
    if (rc >= 0 && static_cast<size_t>(rc) <= UC_INLINE_BYTES) {
      std::memcpy(instance->inline_bytes, out.heap, static_cast<size_t>(rc));
      free(out.heap);
      napi_create_int32(env, rc, &result);
      return result;
    }
    if (rc >= 0) {
      void *copy;
      napi_create_arraybuffer(env, static_cast<size_t>(rc), &copy, &result);
      std::memcpy(copy, out.heap, static_cast<size_t>(rc));
      free(out.heap);
      return result;
    }
    free(out.heap);
  }
  napi_create_int32(env, rc, &result);
  return result;
}

inline Napi::Object Init(Napi::Env env, Napi::Object exports, const Operation *ops, size_t count) {
  Instance *instance = new Instance();
  env.SetInstanceData<Instance>(instance);
  Napi::ArrayBuffer buffer = Napi::ArrayBuffer::New(env, UC_WORDS * sizeof(uint32_t) + UC_INLINE_BYTES);
  instance->buffer = Napi::Persistent(buffer);
  instance->words = static_cast<uint32_t *>(buffer.Data());
  instance->inline_bytes = static_cast<unsigned char *>(buffer.Data()) + UC_WORDS * sizeof(uint32_t);
  instance->bindings.reserve(count);
  exports.Set("buffer", buffer);

  Napi::Object codes = Napi::Object::New(env);
  codes.Set("LISTENING", UC_E_LISTENING);
  codes.Set("NO_PEER", UC_E_NO_PEER);
  codes.Set("NOT_UNIX", UC_E_NOT_UNIX);
  codes.Set("UNSUPPORTED", UC_E_UNSUPPORTED);
  codes.Set("BAD_VERSION", UC_E_BAD_VERSION);
  codes.Set("BAD_LENGTH", UC_E_BAD_LENGTH);
  codes.Set("TRUNCATED", UC_E_TRUNCATED);
  codes.Set("NO_MEMORY", UC_E_NO_MEMORY);
  codes.Set("WOULD_BLOCK", UC_E_WOULD_BLOCK);
  codes.Set("PEER_CLOSED", UC_E_PEER_CLOSED);
  codes.Set("CHECK_LISTENING", UC_CHECK_LISTENING);
  codes.Set("WORDS", UC_WORDS);
  exports.Set("codes", codes);
  async::Export(env, exports);

  for (size_t i = 0; i < count; i++) {
    instance->bindings.push_back({instance, ops[i].op});
    napi_value fn;
    napi_create_function(env, ops[i].name, NAPI_AUTO_LENGTH, Call, &instance->bindings.back(), &fn);
    exports.Set(ops[i].name, Napi::Value(env, fn));
  }
  return exports;
}

}  // namespace unix_cred

#define UNIX_CRED_ADDON(table)                                                     \
  static Napi::Object UnixCredInit(Napi::Env env, Napi::Object exports) {          \
    return unix_cred::Init(env, exports, table, sizeof(table) / sizeof((table)[0])); \
  }                                                                                \
  NODE_API_MODULE(NODE_GYP_MODULE_NAME, UnixCredInit)

#endif
