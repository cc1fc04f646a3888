/* Scenarios of darwin.c's processCredentials: the shared ones; macOS reports no saved ids. */
#include "darwin_ops.h"
#include "process_scenarios.h"

const uc_scenario uc_scenarios[] = {UC_PROCESS_SCENARIOS(uc_darwin_process_credentials)};
const size_t uc_scenario_count = sizeof uc_scenarios / sizeof uc_scenarios[0];
