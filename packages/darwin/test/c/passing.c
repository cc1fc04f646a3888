/* Scenarios of the passing ops on an OS without credential messages: the shared ones (c/passing_scenarios.h). */
#include "passing_scenarios.h"

const uc_scenario uc_scenarios[] = {UC_PASSING_SCENARIOS, UC_NO_MESSAGE_SCENARIOS};
const size_t uc_scenario_count = sizeof uc_scenarios / sizeof uc_scenarios[0];
