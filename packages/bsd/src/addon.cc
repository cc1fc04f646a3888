// The N-API module: the shared glue (unix_cred/addon.h) over the op table of the one OS file binding.gyp builds
// (src/freebsd.c, src/openbsd.c or src/netbsd.c).
#include "unix_cred/addon.h"

UNIX_CRED_ADDON()
