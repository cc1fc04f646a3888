/*
 * Scenarios of unix_cred/posix.h's uc_peer_option as one OS op uses it: PREFIX names them, OP is the op,
 * (LEVEL, NAME) its option and ANSWER the kernel's normal answer (an object of the exact size). The answers
 * are given directly, to reach every branch; what each real kernel answers in each socket state (listening,
 * socketpair, peer closed ...) is in the kernel models (model_scenarios.h).
 */
#ifndef UC_PEER_OPTION_SCENARIOS_H
#define UC_PEER_OPTION_SCENARIOS_H

#include "fake_kernel.h"

/* What a TCP socket answers at level 0, where IP options live: an int (IP_HDRINCL, IP_TOS) or no IP_OPTIONS. */
static const int uc_ip_option = 0x10;

#define UC_PEER_OPTION_SCENARIOS(PREFIX, OP, LEVEL, NAME, ANSWER)                                                               \
  {PREFIX ": normal", OP, UC_CHECK_LISTENING, .family = AF_UNIX, .options = {{LEVEL, NAME, 0, &(ANSWER), sizeof(ANSWER)}}},     \
      {PREFIX ": short answer", OP, UC_CHECK_LISTENING, .family = AF_UNIX,                                                      \
       .options = {{LEVEL, NAME, 0, &(ANSWER), sizeof(ANSWER) - 2}}},                                                           \
      {PREFIX ": TCP, an int IP option", OP, UC_CHECK_LISTENING, .family = AF_INET,                                             \
       .options = {{LEVEL, NAME, 0, &uc_ip_option, sizeof uc_ip_option}}},                                                      \
      {PREFIX ": TCP, no IP options", OP, UC_CHECK_LISTENING, .family = AF_INET,                                                \
       .options = {{LEVEL, NAME, 0, &uc_ip_option, 0}}},                                                                        \
      {PREFIX ": TCP, unknown option", OP, UC_CHECK_LISTENING, .family = AF_INET},                                              \
      {PREFIX ": TCP, EOPNOTSUPP", OP, UC_CHECK_LISTENING, .family = AF_INET, .options = {{LEVEL, NAME, EOPNOTSUPP, NULL, 0}}}, \
      {PREFIX ": datagram or socketpair (EINVAL)", OP, UC_CHECK_LISTENING, .family = AF_UNIX,                                   \
       .options = {{LEVEL, NAME, EINVAL, NULL, 0}}},                                                                            \
      {PREFIX ": unconnected (ENOTCONN)", OP, UC_CHECK_LISTENING, .family = AF_UNIX,                                            \
       .options = {{LEVEL, NAME, ENOTCONN, NULL, 0}}},                                                                          \
      {PREFIX ": kernel without the option", OP, UC_CHECK_LISTENING, .family = AF_UNIX},                                        \
      {PREFIX ": bad descriptor", OP, UC_CHECK_LISTENING, .error = EBADF},                                                      \
      {PREFIX ": not a socket", OP, UC_CHECK_LISTENING, .error = ENOTSOCK}, {                                                   \
    PREFIX ": not a socket, verified handle", OP, 0, .error = ENOTSOCK                                                          \
  }

#endif
