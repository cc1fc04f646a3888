/*
 * Scenarios of solaris.c's passing ops: the shared ones (c/passing_scenarios.h), and what arrives on illumos as its
 * kernel model says (fake_illumos_kernel.c): the sender's own control messages, SCM_UCRED included, pass through;
 * the kernel's SCM_UCRED comes last, on a datagram socket with SO_RECVUCRED on, as a ucred_t of the fake libc
 * ucred (fake_ucred.c).
 */
#include "fake_ucred.h"
#include "passing_scenarios.h"

static const gid_t two[] = {10, 20};
static const uc_fake_sender sender = {4242, 1000, 1001, 2000, 2001, 2, two}, other_zone = {-1, 1000, 1001, 2000, 2001, 2, two},
                            no_groups = {4242, 1000, 1001, 2000, 2001, 0, NULL}, remote = {4242, 0, 0, 0, 0, -1, NULL};

/* A ucred_t a sender writes itself: root, pid 1. */
static const struct {
  struct ucred_s head;
  prcred_t cred;
} claims_root = {{sizeof claims_root, sizeof(struct ucred_s), 0, 1, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0, 1, {0}}};
/* One whose count, or offset, points past its bytes: the libc getters would read there. */
static const struct {
  struct ucred_s head;
  prcred_t cred;
  gid_t more[1];
} counts_past = {{sizeof counts_past, sizeof(struct ucred_s), 0, 4242, 0, 0, 0, 0},
                 {1001, 1000, 1001, 2001, 2000, 2001, 100, {10}},
                 {20}},
  points_past = {{sizeof points_past, 4096, 0, 4242, 0, 0, 0, 0}, {1001, 1000, 1001, 2001, 2000, 2001, 2, {10}}, {20}};
/* A message of no meaning but its size, that a sender may write (tl passes it through). */
static const unsigned char filler[3000];
static const int datagram = SOCK_DGRAM, one = 1;

#define FORGED(c) \
  { SOL_SOCKET, SCM_UCRED, &(c), sizeof(c) }
#define FILLER(n) \
  { 0x7777, 1, filler, (n) }
static const uc_fake_message
    from_sender = {.bytes = 1, .sender = &sender, .receiver_option = SO_RECVUCRED},
    from_other_zone = {.bytes = 1, .sender = &other_zone, .receiver_option = SO_RECVUCRED},
    from_no_groups = {.bytes = 1, .sender = &no_groups, .receiver_option = SO_RECVUCRED},
    from_remote = {.bytes = 1, .sender = &remote, .receiver_option = SO_RECVUCRED},
    forged_then_kernel = {.bytes = 1, .sender = &sender, .sent = {FORGED(claims_root)}, .receiver_option = SO_RECVUCRED},
    forged_alone = {.bytes = 1, .sender = &sender, .sent = {FORGED(claims_root)}},
    kernel_cut = {.bytes = 1, .sender = &sender, .sent = {FILLER(3000)}, .receiver_option = SO_RECVUCRED},
    fds_cut = {.bytes = 1, .sender = &sender, .sent = {FILLER(2000)}, .fds = 300},
    with_counts_past = {.bytes = 1, .cmsgs = {FORGED(counts_past)}},
    with_points_past = {.bytes = 1, .cmsgs = {FORGED(points_past)}};
#define DATAGRAM(name, m) \
  { name, uc_pass_receive_credentials, UC_PASS_CHECK, .family = AF_UNIX, .message = &(m), UC_TYPE(uc_datagram) }
/* A datagram socket whose SO_RECVUCRED reads 1, for messages not made by the model. */
#define RECVUCRED_ON(name, m)                                                                          \
  {                                                                                                    \
    name, uc_pass_receive_credentials, UC_PASS_CHECK, .family = AF_UNIX, .message = &(m), .options = { \
      {SOL_SOCKET, SO_TYPE, 0, &datagram, sizeof datagram},                                            \
      {SOL_SOCKET, SO_RECVUCRED, 0, &one, sizeof one}                                                  \
    }                                                                                                  \
  }

const uc_scenario uc_scenarios[] = {
    UC_PASSING_SCENARIOS,
    UC_NO_MESSAGE_SCENARIOS,
    {"enable: a datagram socket", uc_pass_enable, UC_PASS_CHECK, .family = AF_UNIX, UC_TYPE(uc_datagram)},
    DATAGRAM("receive credentials: the kernel's SCM_UCRED", from_sender),
    DATAGRAM("receive credentials: SCM_UCRED of a sender in another zone", from_other_zone),
    DATAGRAM("receive credentials: SCM_UCRED without supplementary groups", from_no_groups),
    DATAGRAM("receive credentials: SCM_UCRED without credentials (a remote peer)", from_remote),
    DATAGRAM("receive credentials: a sender's SCM_UCRED claiming root, then the kernel's", forged_then_kernel),
    DATAGRAM("receive credentials: a sender's SCM_UCRED without SO_RECVUCRED", forged_alone),
    {"receive credentials: a sender's SCM_UCRED on a stream", uc_pass_receive_credentials, UC_PASS_CHECK, .family = AF_UNIX,
     .message = &forged_then_kernel},
    DATAGRAM("receive credentials: the kernel's SCM_UCRED cut short (MSG_CTRUNC)", kernel_cut),
    RECVUCRED_ON("receive credentials: a ucred_t counting more groups than its bytes hold", with_counts_past),
    RECVUCRED_ON("receive credentials: a ucred_t whose credentials lie past its bytes", with_points_past),
    {"receive fds: descriptors cut short keep their whole cmsg_len", uc_pass_receive_fds, UC_FDS(253), .family = AF_UNIX,
     .message = &fds_cut, .input_word = 1},
};
const size_t uc_scenario_count = sizeof uc_scenarios / sizeof uc_scenarios[0];
