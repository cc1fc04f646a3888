#!/bin/sh
# Inside a BSD/illumos VM or on a Mac, after the OS's provision.sh: build unix-cred from this checkout and run
# conformance/ with the reporter the Linux VM run uses; exits with the suite's status. Run it as root so the
# cases that start peers as other users run instead of skipping.
set -eu
cd "$(dirname "$0")/.."
# Where OmniOS's extra publisher and pkgsrc put node when they are not on the login PATH.
PATH="$PATH:/opt/ooce/bin:/usr/pkg/bin"

node -e 'if (Number(process.versions.node.split(".")[0]) < 20) { console.error(`Node ${process.version}: unix-cred needs Node >= 20`); process.exit(1); }'
# node-gyp needs GNU make; the BSDs' make is not it.
if command -v gmake >/dev/null; then export MAKE=gmake; fi

echo "conformance: $(uname -srm), Node $(node --version)"
node scripts/abi-probe.js
npx --yes pnpm@10.34.9 install --frozen-lockfile
npx --yes pnpm@10.34.9 exec turbo run build --filter=@unix-cred/conformance... --output-logs=errors-only
cd conformance
status=0
./node_modules/.bin/vitest run --reporter=verbose || status=$?
echo "conformance: exit status $status on $(uname -sr)"
exit "$status"
