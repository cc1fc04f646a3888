#!/bin/sh
# macOS can only be virtualised on Apple hardware, so this runs on a Mac: natively, or inside a macOS VM on
# that Mac (vm-images/README.md, "macos"). Needs the Xcode Command Line Tools and Node >= 20 (Homebrew's is
# used when present). With sudo the cases that start peers as other users run too: sudo sh vm-images/macos/run.sh
set -eu
cd "$(dirname "$0")/../.."

if ! xcode-select -p >/dev/null 2>&1; then
  echo "macos: install the Xcode Command Line Tools first: xcode-select --install" >&2
  exit 1
fi
if ! command -v node >/dev/null && command -v brew >/dev/null; then
  # Homebrew refuses to run as root: install as the user who ran sudo.
  ${SUDO_USER:+sudo -u "$SUDO_USER"} brew install node@22
  PATH="$(${SUDO_USER:+sudo -u "$SUDO_USER"} brew --prefix node@22)/bin:$PATH"
fi
sw_vers
exec sh vm-images/guest.sh
