/*
 * Scenarios of freebsd.c's passing ops, for FreeBSD (releases 12, 14 and 15: -D__FreeBSD__) and (built with
 * __DragonFly__) DragonFly: the shared ones, each credential message as delivered, and what the kernel model of
 * fake_freebsd_kernel.c makes of a sender's message and the receiver's option.
 */
#include <sys/socket.h>
#include <sys/un.h>

#include "passing_scenarios.h"

_Static_assert(CMSG_SPACE(sizeof(struct cmsgcred)) == 104, "CMSG_SPACE(sizeof(struct cmsgcred)) is 104 on amd64");
_Static_assert(sizeof(struct cmsgcred) == 84, "struct cmsgcred is 84 bytes, SOCKCREDSIZE(16)");

static const struct cmsgcred cmsgcred = {4242, 1000, 1001, 2000, 2, {2001, 5}};
static const struct cmsgcred cmsgcred_no_groups = {4242, 1000, 1001, 2000, 0, {0}};
static const uc_fake_message with_cmsgcred = {.bytes = 1, .cmsgs = {{SOL_SOCKET, SCM_CREDS, &cmsgcred, sizeof cmsgcred}}};
static const uc_fake_message with_cmsgcred_no_groups = {.bytes = 1,
                                                        .cmsgs = {{SOL_SOCKET, SCM_CREDS, &cmsgcred_no_groups, sizeof cmsgcred}}};

/* Senders as their kernel knows them: euid 1001, egid 2001; two supplementary groups, or sixteen and real gid 0. */
static const gid_t two[] = {5, 6}, sixteen[] = {100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115};
static const uc_fake_sender sender = {4242, 1000, 1001, 2000, 2001, 2, two},
                            wheel_sixteen = {4242, 1000, 1001, 0, 2001, 16, sixteen};
/* What a sender writes in its SCM_CREDS: anything (here root); the kernel fills it anew. */
static const struct cmsgcred claims_root = {1, 0, 0, 0, 1, {0}};
#define SENT_CREDS                                              \
  {                                                             \
    { SOL_SOCKET, SCM_CREDS, &claims_root, sizeof claims_root } \
  }
static const uc_fake_message rewritten = {.bytes = 1, .sender = &sender, .sent = SENT_CREDS},
                             sixteen_groups = {.bytes = 1, .sender = &wheel_sixteen, .sent = SENT_CREDS};
#define MODEL(name, m) \
  { name, uc_pass_receive_credentials, UC_PASS_CHECK, .family = AF_UNIX, .message = &(m) }

#ifdef __DragonFly__
static const uc_fake_message passcred = {.bytes = 1, .sender = &sender, .receiver_option = SO_PASSCRED};
#define UC_FREEBSD_SCENARIOS                                                                             \
  {"enable: a datagram socket", uc_pass_enable, UC_PASS_CHECK, .family = AF_UNIX, UC_TYPE(uc_datagram)}, \
      {"receive credentials: SO_PASSCRED's cmsgcred on a datagram",                                      \
       uc_pass_receive_credentials,                                                                      \
       UC_PASS_CHECK,                                                                                    \
       .family = AF_UNIX,                                                                                \
       .message = &passcred,                                                                             \
       UC_TYPE(uc_datagram)},                                                                            \
      MODEL("receive credentials: SO_PASSCRED adds nothing on a stream", passcred),
#else
static const struct {
  struct sockcred head;
  gid_t more[1];
} sockcred = {{1000, 1001, 2000, 2001, 2, {2001}}, {5}};
static const uc_fake_message with_sockcred = {
    .bytes = 1, .cmsgs = {{SOL_SOCKET, SCM_CREDS, &sockcred, offsetof(struct sockcred, sc_groups) + 2 * sizeof(gid_t)}}};
static const uc_fake_message local_creds = {.bytes = 1, .sender = &sender, .sent = SENT_CREDS, .receiver_option = LOCAL_CREDS},
                             local_creds_sixteen = {
                                 .bytes = 1, .sender = &wheel_sixteen, .sent = SENT_CREDS, .receiver_option = LOCAL_CREDS};
#define UC_FREEBSD_BEFORE_13_SCENARIOS                                                                                   \
  {"enable: a kernel before 13", uc_pass_enable, UC_PASS_CHECK, .family = AF_UNIX,                                       \
   .options = {{0, UC_LOCAL_CREDS_PERSISTENT, ENOPROTOOPT, NULL, 0}}},                                                   \
      {"receive credentials: sockcred, told by its size", uc_pass_receive_credentials, UC_PASS_CHECK, .family = AF_UNIX, \
       .message = &with_sockcred},                                                                                       \
      MODEL("receive credentials: LOCAL_CREDS's sockcred, the flag cleared at send", local_creds),                       \
      MODEL("receive credentials: LOCAL_CREDS's sockcred of 16 groups, 84 bytes like a cmsgcred", local_creds_sixteen),

#ifdef LOCAL_CREDS_PERSISTENT
#define UC_LOCAL_CREDS_PERSISTENT LOCAL_CREDS_PERSISTENT
static const struct {
  struct sockcred2 head;
  gid_t more[2];
} sockcred2 = {{0, 4242, 1000, 1001, 2000, 2001, 3, {2001}}, {5, 6}},
  sockcred2_v1 = {{1, 4242, 1000, 1001, 2000, 2001, 3, {2001}}, {5, 6}},
  sockcred2_overclaims = {{0, 4242, 1000, 1001, 2000, 2001, 40, {2001}}, {5, 6}};
#define SOCKCRED2(c)                                                                                                   \
  {                                                                                                                    \
    .bytes = 1, .cmsgs = { {SOL_SOCKET, SCM_CREDS2, &(c), offsetof(struct sockcred2, sc_groups) + 3 * sizeof(gid_t)} } \
  }
static const uc_fake_message with_sockcred2 = SOCKCRED2(sockcred2), with_sockcred2_v1 = SOCKCRED2(sockcred2_v1),
                             with_sockcred2_overclaims = SOCKCRED2(sockcred2_overclaims),
                             persistent = {
                                 .bytes = 1, .sender = &sender, .sent = SENT_CREDS, .receiver_option = LOCAL_CREDS_PERSISTENT};
#define UC_FREEBSD_SCENARIOS                                                                                               \
  UC_FREEBSD_BEFORE_13_SCENARIOS{"receive credentials: sockcred2", uc_pass_receive_credentials, UC_PASS_CHECK,             \
                                 .family = AF_UNIX, .message = &with_sockcred2},                                           \
      {"receive credentials: sockcred2 of another version", uc_pass_receive_credentials, UC_PASS_CHECK, .family = AF_UNIX, \
       .message = &with_sockcred2_v1},                                                                                     \
      {"receive credentials: sockcred2 claiming more groups than it holds", uc_pass_receive_credentials, UC_PASS_CHECK,    \
       .family = AF_UNIX, .message = &with_sockcred2_overclaims},                                                          \
      MODEL("receive credentials: LOCAL_CREDS_PERSISTENT's sockcred2 before the sender's cmsgcred", persistent),
#else
/* FreeBSD 12's headers: no LOCAL_CREDS_PERSISTENT; its number, for the kernel that would refuse it. */
#define UC_LOCAL_CREDS_PERSISTENT 3
#define UC_FREEBSD_SCENARIOS      UC_FREEBSD_BEFORE_13_SCENARIOS
#endif
#endif

const uc_scenario uc_scenarios[] = {
    UC_PASSING_SCENARIOS,
    UC_FREEBSD_SCENARIOS{"send credentials", uc_pass_send_credentials, UC_PASS_CHECK, .family = AF_UNIX},
    {"enable", uc_pass_enable, UC_PASS_CHECK, .family = AF_UNIX},
    {"enable: TCP", uc_pass_enable, UC_PASS_CHECK, .family = AF_INET},
    {"receive credentials: cmsgcred", uc_pass_receive_credentials, UC_PASS_CHECK, .family = AF_UNIX, .message = &with_cmsgcred},
    {"receive credentials: cmsgcred without groups", uc_pass_receive_credentials, UC_PASS_CHECK, .family = AF_UNIX,
     .message = &with_cmsgcred_no_groups},
    MODEL("receive credentials: the kernel's cmsgcred, whatever the sender wrote", rewritten),
    MODEL("receive credentials: a cmsgcred of 16 groups, 84 bytes like a sockcred", sixteen_groups),
};
const size_t uc_scenario_count = sizeof uc_scenarios / sizeof uc_scenarios[0];
