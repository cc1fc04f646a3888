/* Scenarios of freebsd.c, for FreeBSD and (built with __DragonFly__ against its stand-ins) DragonFly. */
#include <sys/param.h>
#include <sys/ucred.h>
#include <sys/un.h>

#include "bsd_ops.h"

#ifndef __DragonFly__
#define UC_XUCRED_PID(pid) .cr_pid = (pid)
#endif
#include "xucred_scenarios.h"

_Static_assert(sizeof(struct xucred) == 88, "struct xucred is 88 bytes on amd64 (docs/platforms.md)");

const uc_scenario uc_scenarios[] = {UC_XUCRED_SCENARIOS(uc_bsd_peer_xucred)};
const size_t uc_scenario_count = sizeof uc_scenarios / sizeof uc_scenarios[0];
