#!/bin/sh
# FreeBSD 14 (as root): Node 22 with npm, GNU make and Python 3 for node-gyp; the C/C++ compiler is base clang.
set -eu
env ASSUME_ALWAYS_YES=yes pkg install -y node22 npm-node22 gmake python3
# scripts/toolchain.js (pnpm's preinstall) asks for g++ by name; clang is the C++ compiler here.
command -v g++ >/dev/null || ln -s /usr/bin/c++ /usr/local/bin/g++
