#!/bin/sh
# OpenBSD 7 (as root): Node with npm, GNU make and Python 3 for node-gyp; the C/C++ compiler is base clang.
set -eu
pkg_add -I node gmake python%3
# scripts/toolchain.js (pnpm's preinstall) asks for g++ by name; clang is the C++ compiler here.
command -v g++ >/dev/null || ln -s /usr/bin/c++ /usr/local/bin/g++
