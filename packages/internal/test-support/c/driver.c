/* Runs every scenario of the OS's scenario file and prints one JSON line for each. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_kernel.h"

enum { MAX_COUNTERS = 16 };
static const char *counter_names[MAX_COUNTERS];
static unsigned counter_values[MAX_COUNTERS];
static size_t counters;
static char log_text[16384];
static size_t log_len;

void uc_fake_log(const char *what, long value) {
  int n = snprintf(log_text + log_len, sizeof log_text - log_len, "%s %ld;", what, value);
  if (n < 0 || (size_t)n >= sizeof log_text - log_len) abort();
  log_len += (size_t)n;
}

void uc_fake_count(const char *counter) {
  size_t i = 0;
  while (i < counters && strcmp(counter_names[i], counter) != 0) i++;
  if (i == MAX_COUNTERS) abort();
  if (i == counters) {
    counter_names[counters++] = counter;
    counter_values[i] = 0;
  }
  counter_values[i]++;
}

int main(void) {
  for (size_t s = 0; s < uc_scenario_count; s++) {
    uc_current = &uc_scenarios[s];
    counters = 0;
    uint32_t words[UC_WORDS] = {0};
    unsigned char inline_bytes[UC_INLINE_BYTES];
    uc_out out = {words, inline_bytes, sizeof inline_bytes, NULL, NULL, 0};
    words[0] = uc_current->input_word;
    if (uc_current->input_len != 0) memcpy(inline_bytes, uc_current->input, uc_current->input_len);
    log_len = 0;
    log_text[0] = 0;
    int rc = uc_current->op(3, uc_current->arg, &out);
    printf("{\"name\":\"%s\",\"rc\":%d,\"words\":[", uc_current->name, rc);
    for (size_t i = 0; i < UC_WORDS; i++) printf("%s%u", i == 0 ? "" : ",", words[i]);
    printf("],\"bytes\":\"");
    for (int i = 0; i < rc; i++) printf("%02x", out.bytes[i]);
    printf("\",\"heap\":%s,\"counters\":{", out.heap != NULL ? "true" : "false");
    for (size_t i = 0; i < counters; i++) printf("%s\"%s\":%u", i == 0 ? "" : ",", counter_names[i], counter_values[i]);
    printf("},\"log\":\"%s\"}\n", log_text);
    free(out.heap);
  }
  return 0;
}
