// Preloaded (NODE_OPTIONS=--require) into every Node process of a rehearsal (vm-images/rehearse.js): this Linux
// machine answers as UNIX_CRED_AS_OS would where the guest's tools ask (process.platform, os.platform(),
// os.type(), os.release()). Four tools are stood in for, each saying so in the log:
// - scripts/abi-probe.js would compile that OS's probe against Linux's headers: it stops (the stand-ins and
//   zig's macOS SDK are checked against the same expected files in packages/internal/test/abi-probes.test.ts);
// - node-gyp would compile another OS's C against Linux's headers: it prints what it was asked to build and stops;
// - vitest run would run the suite against an addon that was never built: it lists (collects) the cases instead;
// - tsc, when UNIX_CRED_REHEARSAL_TSC=reuse: its output does not depend on the OS, so the first OS's build serves
//   the others and the rehearsal stays cheap.
const os = require('node:os');

const identities = {
  freebsd: { platform: 'freebsd', type: 'FreeBSD', release: '14.2-RELEASE' },
  // Node on DragonFly reports process.platform 'freebsd'; uname's sysname tells them apart.
  dragonfly: { platform: 'freebsd', type: 'DragonFly', release: '6.4-RELEASE' },
  openbsd: { platform: 'openbsd', type: 'OpenBSD', release: '7.6' },
  netbsd: { platform: 'netbsd', type: 'NetBSD', release: '10.1' },
  sunos: { platform: 'sunos', type: 'SunOS', release: '5.11' },
  darwin: { platform: 'darwin', type: 'Darwin', release: '24.3.0' },
};
const name = process.env.UNIX_CRED_AS_OS;
const identity = identities[name];
if (!identity) throw new Error(`as-os.cjs: UNIX_CRED_AS_OS must be one of ${Object.keys(identities).join(', ')}, not ${name}`);

Object.defineProperty(process, 'platform', { value: identity.platform, enumerable: true });
os.platform = () => identity.platform;
os.type = () => identity.type;
os.release = () => identity.release;

const script = process.argv[1] ?? '';
const say = (what) => console.log(`rehearsal (${name}): ${what}`);
if (/[\\/]node-gyp(\.js)?$/.test(script)) {
  say(`node-gyp ${process.argv[2]} in ${process.cwd()} not run (needs ${identity.type}'s headers and compiler)`);
  process.exit(0);
}
if (/[\\/]scripts[\\/]abi-probe\.js$/.test(script)) {
  say(`ABI probe against ${identity.type}'s headers not run (none here)`);
  process.exit(0);
}
if (/[\\/]typescript[\\/]bin[\\/]tsc$/.test(script) && process.env.UNIX_CRED_REHEARSAL_TSC === 'reuse') {
  say(`tsc in ${process.cwd()}: the first OS's output reused`);
  process.exit(0);
}
if (/[\\/]vitest[\\/]vitest\.mjs$/.test(script) && process.argv[2] === 'run') {
  say('vitest run collects the cases (vitest list) instead of running them');
  // One worker, one module graph: collecting needs no isolation between files, and costs half the CPU.
  process.argv.splice(2, 1, 'list', '--no-isolate', '--maxWorkers=1');
}
