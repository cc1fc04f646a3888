#!/bin/sh
# NetBSD 9 or 10 (as root): Node and npm from pkgsrc, GNU make and Python 3 for node-gyp; base gcc compiles.
set -eu
export PATH="/usr/pkg/bin:/usr/pkg/sbin:$PATH"
command -v pkgin >/dev/null || pkg_add pkgin
pkgin -y install nodejs npm gmake python312
# node-gyp and scripts/toolchain.js look for python3; pkgsrc installs only python3.12.
command -v python3 >/dev/null || ln -s /usr/pkg/bin/python3.12 /usr/pkg/bin/python3
