/*
 * Scenarios of one op against a kernel model (kernel_model.h): the socket in every state the model knows, given
 * as a raw descriptor (UC_CHECK_LISTENING: the strictest caller). PREFIX names them, OP is the op, KERNEL the
 * model and the rest the `.options` with the peer's ids of each option the op reads.
 */
#ifndef UC_MODEL_SCENARIOS_H
#define UC_MODEL_SCENARIOS_H

#include "fake_kernel.h"

#define UC_MODEL_SCENARIO(PREFIX, STATE_NAME, OP, KERNEL, STATE, UNBOUND, ...) \
  { PREFIX ": " STATE_NAME, OP, UC_CHECK_LISTENING, .kernel = &(KERNEL), .socket = (STATE), .unbound = (UNBOUND), __VA_ARGS__ }

/* An accepted socket and a listener are bound (named by the listener's path); a client and a pair end are not. */
#define UC_MODEL_SCENARIOS(PREFIX, OP, KERNEL, ...)                                                 \
  UC_MODEL_SCENARIO(PREFIX, "connected", OP, KERNEL, UC_SOCK_CONNECTED, 0, __VA_ARGS__),            \
      UC_MODEL_SCENARIO(PREFIX, "connected client", OP, KERNEL, UC_SOCK_CONNECTED, 1, __VA_ARGS__), \
      UC_MODEL_SCENARIO(PREFIX, "listening", OP, KERNEL, UC_SOCK_LISTENING, 0, __VA_ARGS__),        \
      UC_MODEL_SCENARIO(PREFIX, "unconnected", OP, KERNEL, UC_SOCK_UNCONNECTED, 1, __VA_ARGS__),    \
      UC_MODEL_SCENARIO(PREFIX, "datagram", OP, KERNEL, UC_SOCK_DATAGRAM, 1, __VA_ARGS__),          \
      UC_MODEL_SCENARIO(PREFIX, "socketpair", OP, KERNEL, UC_SOCK_SOCKETPAIR, 1, __VA_ARGS__),      \
      UC_MODEL_SCENARIO(PREFIX, "peer closed", OP, KERNEL, UC_SOCK_PEER_CLOSED, 1, __VA_ARGS__),    \
      UC_MODEL_SCENARIO(PREFIX, "TCP", OP, KERNEL, UC_SOCK_TCP, 0, __VA_ARGS__)

#endif
