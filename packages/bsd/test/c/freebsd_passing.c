/*
 * Scenarios of freebsd_passing.c, for FreeBSD and (built with __DragonFly__) DragonFly: the shared ones, and
 * each credential message the kernel can attach.
 */
#include <sys/socket.h>
#include <sys/un.h>

#include "passing_scenarios.h"

_Static_assert(CMSG_SPACE(sizeof(struct cmsgcred)) == 104, "CMSG_SPACE(sizeof(struct cmsgcred)) is 104 on amd64 (docs/platforms.md)");

static const struct cmsgcred cmsgcred = {4242, 1000, 1001, 2000, 2, {2001, 5}};
static const struct cmsgcred cmsgcred_no_groups = {4242, 1000, 1001, 2000, 0, {0}};
static const uc_fake_message with_cmsgcred = {.bytes = 1, .cmsgs = {{SOL_SOCKET, SCM_CREDS, &cmsgcred, sizeof cmsgcred}}};
static const uc_fake_message with_cmsgcred_no_groups = {.bytes = 1, .cmsgs = {{SOL_SOCKET, SCM_CREDS, &cmsgcred_no_groups, sizeof cmsgcred}}};

#ifdef __DragonFly__
#define UC_FREEBSD_SCENARIOS
#else
static const int one = 1;
static const struct {
  struct sockcred2 head;
  gid_t more[2];
} sockcred2 = {{0, 4242, 1000, 1001, 2000, 2001, 3, {2001}}, {5, 6}}, sockcred2_v1 = {{1, 4242, 1000, 1001, 2000, 2001, 3, {2001}}, {5, 6}},
  sockcred2_overclaims = {{0, 4242, 1000, 1001, 2000, 2001, 40, {2001}}, {5, 6}};
static const struct {
  struct sockcred head;
  gid_t more[1];
} sockcred = {{1000, 1001, 2000, 2001, 2, {2001}}, {5}};
#define SOCKCRED2(c) {.bytes = 1, .cmsgs = {{SOL_SOCKET, SCM_CREDS2, &(c), offsetof(struct sockcred2, sc_groups) + 3 * sizeof(gid_t)}}}
static const uc_fake_message with_sockcred2 = SOCKCRED2(sockcred2), with_sockcred2_v1 = SOCKCRED2(sockcred2_v1),
                             with_sockcred2_overclaims = SOCKCRED2(sockcred2_overclaims);
static const uc_fake_message with_sockcred = {
    .bytes = 1, .cmsgs = {{SOL_SOCKET, SCM_CREDS, &sockcred, offsetof(struct sockcred, sc_groups) + 2 * sizeof(gid_t)}}};

#define UC_FREEBSD_SCENARIOS                                                                                           \
  {"enable: a kernel before 13", uc_pass_enable, UC_PASS_CHECK, .family = AF_UNIX,                                   \
   .options = {{0, LOCAL_CREDS_PERSISTENT, ENOPROTOOPT, NULL, 0}}},                                                    \
  {"receive credentials: sockcred2", uc_pass_receive_credentials, UC_PASS_CHECK, .family = AF_UNIX,                  \
   .message = &with_sockcred2},                                                                                        \
  {"receive credentials: sockcred2 of another version", uc_pass_receive_credentials, UC_PASS_CHECK, .family = AF_UNIX, \
   .message = &with_sockcred2_v1},                                                                                     \
  {"receive credentials: sockcred2 claiming more groups than it holds", uc_pass_receive_credentials, UC_PASS_CHECK,   \
   .family = AF_UNIX, .message = &with_sockcred2_overclaims},                                                          \
  {"receive credentials: sockcred while LOCAL_CREDS is on", uc_pass_receive_credentials, UC_PASS_CHECK,              \
   .family = AF_UNIX, .message = &with_sockcred, .options = {{0, LOCAL_CREDS, 0, &one, sizeof one}}},
#endif

const uc_scenario uc_scenarios[] = {
    UC_PASSING_SCENARIOS,
    UC_FREEBSD_SCENARIOS
    {"send credentials", uc_pass_send_credentials, UC_PASS_CHECK, .family = AF_UNIX},
    {"enable", uc_pass_enable, UC_PASS_CHECK, .family = AF_UNIX},
    {"enable: TCP", uc_pass_enable, UC_PASS_CHECK, .family = AF_INET},
    {"receive credentials: cmsgcred", uc_pass_receive_credentials, UC_PASS_CHECK, .family = AF_UNIX, .message = &with_cmsgcred},
    {"receive credentials: cmsgcred without groups", uc_pass_receive_credentials, UC_PASS_CHECK, .family = AF_UNIX,
     .message = &with_cmsgcred_no_groups},
};
const size_t uc_scenario_count = sizeof uc_scenarios / sizeof uc_scenarios[0];
