#!/bin/sh
# OmniOS (as root): Node 22 from the extra publisher, and build-essential (gcc, GNU make, headers) for node-gyp.
set -eu
release=$(uname -v | sed -n 's/^omnios-\(r[0-9]*\).*/\1/p')
pkg publisher extra.omnios >/dev/null 2>&1 || pkg set-publisher -g "https://pkg.omnios.org/$release/extra/" extra.omnios
# pkg exits 4 when everything is installed already.
pkg install -v build-essential ooce/runtime/node-22 || [ $? -eq 4 ]
