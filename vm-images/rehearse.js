#!/usr/bin/env node
// A rehearsal, on this Linux machine, of vm-images/guest.sh as each other OS would run it: guest.sh itself, in
// a copy of this checkout, with rehearsal/as-os.cjs preloaded into every Node process so that they see that
// OS (process.platform, os.type()) and with a `uname` that answers as it would. It checks that pnpm installs
// what that OS would get, that the build gets going, and that vitest starts and collects every case of
// conformance/. What it cannot cover is printed at the end (vm-images/README.md, "Rehearsed here").
// usage: node vm-images/rehearse.js [os...]     (default: all of them; exits 1 if one fails)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const pnpm = ['npx', '--yes', 'pnpm@10.34.9'];

// What pnpm must install on each OS (x64): rolldown's own binding where it has one, its WebAssembly fallback
// everywhere, and turbo's binary only where turbo ships one. uname is what the guest's shell sees.
const oses = {
  freebsd: { uname: 'FreeBSD 14.2-RELEASE amd64', rolldown: '@rolldown/binding-freebsd-x64', turbo: null, addon: 'bsd' },
  openbsd: { uname: 'OpenBSD 7.6 amd64', rolldown: null, turbo: null, addon: 'bsd' },
  netbsd: { uname: 'NetBSD 10.1 amd64', rolldown: null, turbo: null, addon: 'bsd' },
  dragonfly: { uname: 'DragonFly 6.4-RELEASE x86_64', rolldown: '@rolldown/binding-freebsd-x64', turbo: null, addon: 'bsd' },
  sunos: { uname: 'SunOS 5.11 i86pc', rolldown: null, turbo: null, addon: 'solaris' },
  darwin: { uname: 'Darwin 24.3.0 x86_64', rolldown: '@rolldown/binding-darwin-x64', turbo: '@turbo/darwin-64', addon: 'darwin' },
};
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in oses));
if (unknown.length > 0) {
  console.error(`usage: node vm-images/rehearse.js [${Object.keys(oses).join('|')}...]; unknown: ${unknown.join(', ')}`);
  process.exit(2);
}

const notCovered = [
  "the ABI probe: guest.sh calls it, but there are no headers of that OS here to compile it against",
  'the native addon build: node-gyp is asked for the right package, but does not compile (no headers or compiler of that OS here)',
  "the suite's verdict: vitest starts and collects every case, but runs none (no addon to run them against)",
  "turbo on macOS: its Mach-O binary is installed but cannot start here, so guest.sh's pnpm fallback builds instead",
  "tsc after the first OS: its output does not depend on the OS, so the first OS's build is reused",
  "each OS's provision.sh (pkg, pkg_add, pkgin, IPS) and the Node, compiler and make it installs",
];

/** The checkout as git sees it (tracked and new files, without what .gitignore ignores), copied to dir. */
function copyCheckout(dir) {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(root, file), join(dir, file), { force: true, errorOnExist: false });
  }
}

/** The packages the last install skipped as not for this os/cpu (pnpm records them in node_modules/.modules.yaml). */
function skipped(copy) {
  const modules = JSON.parse(readFileSync(join(copy, 'node_modules', '.modules.yaml'), 'utf8'));
  return modules.skipped.map((id) => id.slice(0, id.lastIndexOf('@')));
}

function rehearse(name, copy, store, first) {
  const expected = oses[name];
  const env = {
    // A guest starts from a login shell: nothing of the package manager, turbo or vitest running this.
    ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|pnpm_|VITEST|TURBO_|NODE_ENV$)/i.test(key))),
    NODE_OPTIONS: `--require ${join(root, 'vm-images', 'rehearsal', 'as-os.cjs')}`,
    UNIX_CRED_AS_OS: name,
    UNIX_CRED_AS_UNAME: expected.uname,
    UNIX_CRED_REHEARSAL_TSC: first ? 'build' : 'reuse',
    // rehearsal/bin/uname answers as that OS's uname would.
    PATH: [join(root, 'vm-images', 'rehearsal', 'bin'), ...(process.env.PATH ?? '').split(':').filter((dir) => !dir.includes('node_modules'))].join(':'),
    // One store for every OS: pnpm would otherwise pick macOS's default and rebuild node_modules from nothing.
    npm_config_store_dir: store,
    npm_config_prefer_offline: 'true',
  };
  const run = spawnSync('sh', ['vm-images/guest.sh'], { cwd: copy, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  const log = `${run.stdout}${run.stderr}`;
  const problems = [];
  if (run.status !== 0) problems.push(`guest.sh exited ${run.status}`);

  const notInstalled = new Set(skipped(copy));
  const installed = (pkg) => !notInstalled.has(pkg);
  if (!installed('@rolldown/binding-wasm32-wasi')) problems.push("pnpm skipped rolldown's WebAssembly fallback (@rolldown/binding-wasm32-wasi)");
  if (expected.rolldown && !installed(expected.rolldown)) problems.push(`pnpm skipped ${expected.rolldown}`);
  for (const turbo of ['@turbo/darwin-64', '@turbo/darwin-arm64', '@turbo/linux-64', '@turbo/linux-arm64']) {
    if (installed(turbo) !== (turbo === expected.turbo)) problems.push(`pnpm ${installed(turbo) ? 'installed' : 'skipped'} ${turbo}`);
  }
  const builds = [...log.matchAll(/node-gyp rebuild in \S*\/packages\/(\w+) not run/g)].map((match) => match[1]);
  if (!builds.includes(expected.addon) || builds.some((addon) => addon !== expected.addon)) {
    problems.push(`native builds asked for: ${builds.join(', ') || 'none'}; expected @unix-cred/${expected.addon} only`);
  }
  if (!log.includes(`rehearsal (${name}): ABI probe against`)) problems.push('guest.sh never ran the ABI probe');
  if (!/conformance: building with (turbo|pnpm)/.test(log)) problems.push('the build never started');
  const cases = readdirSync(join(copy, 'conformance', 'cases')).filter((file) => file.endsWith('.test.ts'));
  const uncollected = cases.filter((file) => !log.includes(`cases/${file} > `));
  if (uncollected.length > 0) problems.push(`vitest did not collect ${uncollected.join(', ')}`);

  console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${name}`);
  if (problems.length > 0) console.log(`${problems.map((problem) => `  - ${problem}`).join('\n')}\n  guest.sh's output:\n${log.replace(/^/gm, '    | ')}`);
  else console.log(log.split('\n').filter((line) => /^(conformance: |rehearsal )/.test(line) || /Packages: |^\s*\S+ build: (skipped|rehearsal)/.test(line)).map((line) => `    | ${line}`).join('\n'));
  return problems.length === 0;
}

const store = spawnSync(pnpm[0], [...pnpm.slice(1), 'store', 'path'], { cwd: root, encoding: 'utf8' }).stdout.trim();
const work = mkdtempSync(join(tmpdir(), 'unix-cred-rehearsal-'));
let failed = 0;
try {
  const copy = join(work, 'checkout');
  copyCheckout(copy);
  const names = wanted.length > 0 ? wanted : Object.keys(oses);
  names.forEach((name, index) => {
    if (!rehearse(name, copy, store, index === 0)) failed++;
  });
  console.log(`rehearsal: ${names.length - failed} of ${names.length} OSes passed. Not covered here (a real machine's job):`);
  console.log(notCovered.map((step) => `  - ${step}`).join('\n'));
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exitCode = failed === 0 ? 0 : 1;
