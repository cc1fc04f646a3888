/* Scenarios of each BSD file's processCredentials (built with its __FreeBSD__, __DragonFly__, __OpenBSD__ or __NetBSD__). */
#include "bsd_ops.h"
#include "process_scenarios.h"

const uc_scenario uc_scenarios[] = {UC_PROCESS_SCENARIOS(uc_bsd_process_credentials)};
const size_t uc_scenario_count = sizeof uc_scenarios / sizeof uc_scenarios[0];
