/* Prints the contract of unix_cred/os.h as JSON ({"errors": {...}, "constants": {...}}): the tests take it from here. */
#include <stdio.h>

#include "unix_cred/os.h"

static int first;
#define UC_PRINT_ENTRY(name, value) printf("%s\"%s\":%d", first++ ? "," : "", #name, (int)(value));

int main(void) {
  printf("{\"errors\":{");
  first = 0;
  UC_ERRORS(UC_PRINT_ENTRY)
  printf("},\"constants\":{");
  first = 0;
  UC_CONSTANTS(UC_PRINT_ENTRY)
  printf("}}\n");
  return 0;
}
