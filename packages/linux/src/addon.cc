// The N-API module: the shared glue (unix_cred/addon.h) over the op table of src/linux.c.
#include "unix_cred/addon.h"

UNIX_CRED_ADDON()
