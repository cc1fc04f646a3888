#!/bin/sh
# DragonFly 6 (as root): Node 22 with npm, GNU make and Python 3 for node-gyp; base gcc compiles.
set -eu
env ASSUME_ALWAYS_YES=yes pkg install -y node22 npm-node22 gmake python3
