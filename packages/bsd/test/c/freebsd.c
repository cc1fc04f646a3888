/* Scenarios of freebsd.c, for FreeBSD and (built with __DragonFly__ against its stand-ins) DragonFly. */
#include <sys/param.h>
#include <sys/ucred.h>
#include <sys/un.h>

#include "bsd_ops.h"

/* FreeBSD 13+ (its headers before have no cr_pid, and DragonFly's none). */
#if defined(__FreeBSD__) && __FreeBSD__ >= 13
#define UC_XUCRED_PID(pid) .cr_pid = (pid)
#endif
#include "xucred_scenarios.h"
#include "model_scenarios.h"
#include "models/bsd.h"

_Static_assert(sizeof(struct xucred) == 88, "struct xucred is 88 bytes on amd64 (docs/platforms.md)");

#define IDS UC_XUCRED_ANSWER(uc_xucred_normal)

const uc_scenario uc_scenarios[] = {
    UC_XUCRED_SCENARIOS(uc_bsd_peer_xucred),
#ifdef __DragonFly__
    UC_MODEL_SCENARIOS("xucred on DragonFly 5.2", uc_bsd_peer_xucred, uc_dragonfly_5_2, IDS),
    UC_MODEL_SCENARIOS("xucred on DragonFly 5.4", uc_bsd_peer_xucred, uc_dragonfly_5_4, IDS),
#else
    UC_MODEL_SCENARIOS("xucred on FreeBSD", uc_bsd_peer_xucred, uc_freebsd, IDS),
#endif
};
const size_t uc_scenario_count = sizeof uc_scenarios / sizeof uc_scenarios[0];
