#!/bin/sh
# Inside a BSD/illumos VM or on a Mac, after the OS's provision.sh: build unix-cred from this checkout and run
# conformance/ with the reporter the Linux VM run uses; exits with the suite's status. Run it as root so the
# cases that start peers as other users run instead of skipping.
set -eu
cd "$(dirname "$0")/.."
# Where OmniOS's extra publisher and pkgsrc put node when they are not on the login PATH.
PATH="$PATH:/opt/ooce/bin:/usr/pkg/bin"

# shellcheck disable=SC2016 # JavaScript for node
node -e 'if (Number(process.versions.node.split(".")[0]) < 20) { console.error(`Node ${process.version}: unix-cred needs Node >= 20`); process.exit(1); }'
# node-gyp needs GNU make; the BSDs' make is not it.
if command -v gmake >/dev/null; then export MAKE=gmake; fi

echo "conformance: $(uname -srm), Node $(node --version)"
node scripts/abi-probe.js
# pnpm, fetched by npx once; the later steps call it directly (each npx call costs seconds).
pnpm=$(npx --yes --package=pnpm@10.34.9 -c 'command -v pnpm')
"$pnpm" install --frozen-lockfile
# turbo ships binaries for Linux, macOS and Windows only; elsewhere pnpm's recursive run builds the same
# packages in the same dependency order.
if ./node_modules/.bin/turbo --version >/dev/null 2>&1; then
  echo "conformance: building with turbo"
  TURBO_TELEMETRY_DISABLED=1 ./node_modules/.bin/turbo run build --filter=@unix-cred/conformance... --output-logs=errors-only
else
  echo "conformance: building with pnpm (no turbo binary for $(uname -s))"
  "$pnpm" --filter=@unix-cred/conformance... run build
fi
cd conformance
status=0
./node_modules/.bin/vitest run --reporter=verbose || status=$?
echo "conformance: exit status $status on $(uname -sr)"
exit "$status"
