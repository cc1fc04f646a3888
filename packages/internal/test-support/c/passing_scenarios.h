/*
 * Scenarios of unix_cred/passing.h's descriptor passing and of its credential receive where no credential
 * message comes, the same for every OS (their CMSG alignment and flags come from the OS's stand-in headers).
 * Their expectations are passingCases() in ../passing-cases.ts.
 */
#ifndef UC_PASSING_SCENARIOS_H
#define UC_PASSING_SCENARIOS_H

#include "fake_kernel.h"
#include "unix_cred/passing.h"

static const struct {
  int fds[3];
  char data[4];
} uc_send_three = {{5, 6, 7}, "hey"};

static const uc_fake_message uc_partial = {.bytes = 2};
static const uc_fake_message uc_again = {.error = EAGAIN};
static const uc_fake_message uc_reset = {.error = ECONNRESET};
static const uc_fake_message uc_three_fds = {.bytes = 5, .fds = 3};
static const uc_fake_message uc_250_fds = {.bytes = 1, .fds = 250};
static const uc_fake_message uc_out_of_fds = {.bytes = 1, .fds = 10, .fd_room = 6};
static const uc_fake_message uc_end = {.bytes = 0};
static const uc_fake_message uc_bytes = {.bytes = 3};
static const uc_fake_message uc_byte = {.bytes = 1};
static const uc_fake_message uc_byte_two_fds = {.bytes = 1, .fds = 2};
static const uc_fake_message uc_long_record = {.bytes = 5, .fds = 1, .record = 1};
static const int uc_datagram = SOCK_DGRAM, uc_seqpacket = SOCK_SEQPACKET;

#define UC_TYPE(type) .options = {{SOL_SOCKET, SO_TYPE, 0, &(type), sizeof(type)}}

#define UC_SEND_THREE .input_word = 3, .input = &uc_send_three, .input_len = 15
#define UC_FDS(n)     (((n) << 1) | UC_PASS_CHECK)

#define UC_PASSING_SCENARIOS                                                                                                      \
  {"send fds", uc_pass_send_fds, UC_FDS(3), .family = AF_UNIX, UC_SEND_THREE},                                                    \
      {"send fds: a partial send", uc_pass_send_fds, UC_FDS(3), .family = AF_UNIX, .message = &uc_partial, UC_SEND_THREE},        \
      {"send fds: the buffer is full (EAGAIN)",                                                                                   \
       uc_pass_send_fds,                                                                                                          \
       UC_FDS(3),                                                                                                                 \
       .family = AF_UNIX,                                                                                                         \
       .message = &uc_again,                                                                                                      \
       UC_SEND_THREE},                                                                                                            \
      {"send fds: TCP", uc_pass_send_fds, UC_FDS(3), .family = AF_INET, UC_SEND_THREE},                                           \
      {"send fds: 254 descriptors", uc_pass_send_fds, UC_FDS(254), .family = AF_UNIX, UC_SEND_THREE},                             \
      {"send fds: listening", uc_pass_send_fds, UC_FDS(3), .family = AF_UNIX, .listening = 1, UC_SEND_THREE},                     \
      {"send data alone, a checked handle", uc_pass_send_fds, 0, .input_word = 3, .input = uc_send_three.data, .input_len = 3},   \
      {"receive fds", uc_pass_receive_fds, UC_FDS(253), .family = AF_UNIX, .message = &uc_three_fds, .input_word = 100},          \
      {"receive fds: 250 sent, 4 kept", uc_pass_receive_fds, UC_FDS(4), .family = AF_UNIX,                                        \
       .message = &uc_250_fds,          .input_word = 1},                                                                         \
      {"receive fds: out of descriptors (MSG_CTRUNC)",                                                                            \
       uc_pass_receive_fds,                                                                                                       \
       UC_FDS(253),                                                                                                               \
       .family = AF_UNIX,                                                                                                         \
       .message = &uc_out_of_fds,                                                                                                 \
       .input_word = 1},                                                                                                          \
      {"receive fds: end of stream", uc_pass_receive_fds, UC_FDS(253), .family = AF_UNIX, .message = &uc_end, .input_word = 1},   \
      {"receive fds: nothing yet (EAGAIN)",                                                                                       \
       uc_pass_receive_fds,                                                                                                       \
       UC_FDS(253),                                                                                                               \
       .family = AF_UNIX,                                                                                                         \
       .message = &uc_again,                                                                                                      \
       .input_word = 1},                                                                                                          \
      {"receive fds: ECONNRESET", uc_pass_receive_fds, UC_FDS(253), .family = AF_UNIX, .message = &uc_reset, .input_word = 1},    \
      {"receive fds: TCP", uc_pass_receive_fds, UC_FDS(253), .family = AF_INET, .message = &uc_three_fds, .input_word = 1},       \
      {"receive fds: a record longer than the room (MSG_TRUNC)",                                                                  \
       uc_pass_receive_fds,                                                                                                       \
       UC_FDS(253),                                                                                                               \
       .family = AF_UNIX,                                                                                                         \
       .message = &uc_long_record,                                                                                                \
       .input_word = 3},                                                                                                          \
      {"receive fds: listening", uc_pass_receive_fds,      UC_FDS(253),    .family = AF_UNIX,                                     \
       .listening = 1,           .message = &uc_three_fds, .input_word = 1},                                                      \
      {"receive credentials: listening",                                                                                          \
       uc_pass_receive_credentials,                                                                                               \
       UC_PASS_CHECK,                                                                                                             \
       .family = AF_UNIX,                                                                                                         \
       .listening = 1,                                                                                                            \
       .message = &uc_byte},                                                                                                      \
      {"receive fds: bytes alone", uc_pass_receive_fds, UC_FDS(253), .family = AF_UNIX, .message = &uc_bytes, .input_word = 100}, \
      {"receive credentials: the byte alone", uc_pass_receive_credentials, UC_PASS_CHECK, .family = AF_UNIX,                      \
       .message = &uc_byte},                                                                                                      \
      {"receive credentials: descriptors with the byte are closed", uc_pass_receive_credentials, UC_PASS_CHECK,                   \
       .family = AF_UNIX, .message = &uc_byte_two_fds},                                                                           \
      {"receive credentials: end of stream", uc_pass_receive_credentials, UC_PASS_CHECK, .family = AF_UNIX, .message = &uc_end},  \
      {"receive credentials: a datagram without credentials",                                                                     \
       uc_pass_receive_credentials,                                                                                               \
       UC_PASS_CHECK,                                                                                                             \
       .family = AF_UNIX,                                                                                                         \
       .message = &uc_byte,                                                                                                       \
       UC_TYPE(uc_datagram)},                                                                                                     \
      {"receive credentials: an empty datagram",                                                                                  \
       uc_pass_receive_credentials,                                                                                               \
       UC_PASS_CHECK,                                                                                                             \
       .family = AF_UNIX,                                                                                                         \
       .message = &uc_end,                                                                                                        \
       UC_TYPE(uc_datagram)},                                                                                                     \
      {"receive credentials: the end of a seqpacket connection",                                                                  \
       uc_pass_receive_credentials,                                                                                               \
       UC_PASS_CHECK,                                                                                                             \
       .family = AF_UNIX,                                                                                                         \
       .message = &uc_end,                                                                                                        \
       UC_TYPE(uc_seqpacket)},                                                                                                    \
      {"receive credentials: a checked handle (a net.Socket) is a stream", uc_pass_receive_credentials, 0, .message = &uc_byte,   \
       UC_TYPE(uc_datagram)},                                                                                                     \
  {                                                                                                                               \
    "receive fds: an empty datagram", uc_pass_receive_fds, UC_FDS(253), .family = AF_UNIX, .message = &uc_end, .input_word = 1,   \
                                                                        UC_TYPE(uc_datagram)                                      \
  }

/* An OS without credential messages (OpenBSD, macOS, illumos): the plain byte, nothing to enable. */
#define UC_NO_MESSAGE_SCENARIOS                                                     \
  {"send credentials", uc_pass_send_credentials, UC_PASS_CHECK, .family = AF_UNIX}, \
      {"enable", uc_pass_enable, UC_PASS_CHECK, .family = AF_UNIX}, {               \
    "enable: TCP", uc_pass_enable, UC_PASS_CHECK, .family = AF_INET                 \
  }

#endif
