#!/usr/bin/env node
// The README's two commands on a truly fresh Debian 12, as a newcomer runs them: a debootstrap minbase root with
// only git and ca-certificates, Node and npm copied in as the official tarball lays them out (/usr/local), the
// repository cloned into /root/unix-cred (mode 0700, as on any Debian), both commands run as root with no other
// set-up. Only this machine's ways of reaching Debian's mirror and the npm registry are carried over: its apt
// sources and Acquire settings, its CA certificates, npm's registry, proxy and cafile (never nodedir).
// Fails if a command fails, or prints noise a newcomer would have to read past.
// usage (root, Linux): node tests/fresh-debian/run.js [--commit <rev>] [--keep]   .ci/run calls it.
//   --commit  what to clone (default HEAD: the check sees committed work only)
//   --keep    leave the root in /var/tmp for a look inside
// The minbase root is cached as a tarball in /var/cache/unix-cred/ (340 MB, a week at most): 3 minutes the first time.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repo = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const SUITE = 'bookworm';
const INCLUDE = ['git', 'ca-certificates'];
const CACHE_DAYS = 7;
// Each line a newcomer must not have to read past, and the issue that removed its cause.
const NOISE = [
  [/Unsupported platform/, "pnpm's warning on a workspace package for another OS"],
  [/Failed to create bin/, 'a bin linked before it was built'],
  [/anonymous telemetry/i, "turbo's telemetry notice"],
  [/-Wdeprecated-non-prototype/, "clang's warning in zig's copy of musl"],
  [/No module named 'gi'/, "the GLib tests' Python bindings missing"],
  [/gyp http GET|Downloading .*headers/i, 'node-gyp downloading Node headers'],
  [/npm warn (Unknown env config|using --force)/, "npm warning on pnpm's settings it is handed, when the tests install runtimes"],
];

const { values: options } = parseArgs({ options: { commit: { type: 'string', default: 'HEAD' }, keep: { type: 'boolean', default: false } } });

function fail(message) {
  console.error(`fresh-debian: ${message}`);
  process.exit(1);
}
const say = (message) => console.log(`fresh-debian: ${message}`);

// The README's test command runs inside the root; were this check ever part of it, it must not start again there.
if (process.env.UNIX_CRED_FRESH_ROOT) {
  say('already inside a fresh root: not nesting another');
  process.exit(0);
}
if (process.platform !== 'linux' || process.getuid?.() !== 0) fail('needs root on Linux (debootstrap, chroot, pivot_root, mounts)');

function run(command, args, extra = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...extra });
  if (result.status !== 0) fail(`${command} ${args.join(' ')} failed (${result.status ?? result.signal ?? result.error?.message})`);
  return result;
}
const output = (command, args, extra = {}) => spawnSync(command, args, { encoding: 'utf8', ...extra }).stdout?.trim() ?? '';
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

// ---- this machine's way to Debian: the URIs its apt uses for bookworm, bookworm-updates and bookworm-security

/** [uri, suite] of every enabled "deb" source of this machine, from sources.list(.d) in both formats. */
function aptSources() {
  const files = ['/etc/apt/sources.list'];
  if (existsSync('/etc/apt/sources.list.d')) {
    for (const name of readdirSync('/etc/apt/sources.list.d')) if (/\.(list|sources)$/.test(name)) files.push(join('/etc/apt/sources.list.d', name));
  }
  const found = [];
  for (const file of files.filter(existsSync)) {
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.sources')) {
      for (const stanza of text.split(/\n\s*\n/)) {
        const field = (name) => new RegExp(`^${name}:\\s*(.+)$`, 'mi').exec(stanza.replace(/^#.*$/gm, ''))?.[1].trim().split(/\s+/) ?? [];
        if (!field('Types').includes('deb') || field('Enabled')[0] === 'no') continue;
        for (const uri of field('URIs')) for (const suite of field('Suites')) found.push([uri, suite]);
      }
    } else {
      for (const line of text.split('\n')) {
        const match = /^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)/.exec(line.trim());
        if (match) found.push([match[1], match[2]]);
      }
    }
  }
  return found;
}
const sources = aptSources().filter(([, suite]) => [SUITE, `${SUITE}-updates`, `${SUITE}-security`].includes(suite));
const mirror = sources.find(([, suite]) => suite === SUITE)?.[0];
if (!mirror) fail(`this machine's apt has no source for Debian ${SUITE}: nothing to build a root from`);

// ---- the minbase root, from the cache when fresh enough

if (!has('debootstrap')) {
  say('installing debootstrap');
  run('apt-get', ['update', '-q']);
  run('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'debootstrap'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}
// Outside the clone, so that CI's fresh clones on one machine share it.
const cacheDir = '/var/cache/unix-cred';
const tarball = join(cacheDir, `debian-${SUITE}-minbase-${INCLUDE.join('-')}.tar`);
const work = mkdtempSync('/var/tmp/unix-cred-fresh-');
const root = join(work, 'root');
const started = Date.now();
const seconds = (since) => `${Math.round((Date.now() - since) / 1000)} s`;
process.on('exit', () => {
  // The mounts live in the child's own namespace; should one ever be visible here, removing would reach the host's /dev.
  const mounted = readFileSync('/proc/self/mounts', 'utf8').includes(` ${work}/`);
  if (options.keep || mounted) console.log(`fresh-debian: the root is left in ${root}${mounted ? ' (something is still mounted there)' : ''}`);
  else rmSync(work, { recursive: true, force: true });
});
const cached = existsSync(tarball) && Date.now() - statSync(tarball).mtimeMs < CACHE_DAYS * 86400_000;
if (cached) {
  mkdirSync(root);
  run('tar', ['-xf', tarball, '-C', root]);
  say(`minbase root from ${tarball} (${seconds(started)})`);
} else {
  say(`debootstrap --variant=minbase ${SUITE} from ${mirror}`);
  run('debootstrap', ['--variant=minbase', `--include=${INCLUDE.join(',')}`, SUITE, root, mirror], { stdio: ['ignore', 'ignore', 'inherit'] });
  mkdirSync(cacheDir, { recursive: true });
  run('tar', ['-cf', `${tarball}.partial`, '-C', root, '.']);
  run('mv', [`${tarball}.partial`, tarball]);
  say(`debootstrap done (${seconds(started)}), cached in ${tarball}`);
}

// ---- what carries over: apt's sources and Acquire settings, CA certificates, npm's way to the registry

writeFileSync(join(root, 'etc/apt/sources.list'), sources.map(([uri, suite]) => `deb ${uri} ${suite} main\n`).join(''));
for (const name of existsSync('/etc/apt/apt.conf.d') ? readdirSync('/etc/apt/apt.conf.d') : []) {
  const file = join('/etc/apt/apt.conf.d', name);
  if (statSync(file).isFile() && /^\s*Acquire::/m.test(readFileSync(file, 'utf8'))) copyFileSync(file, join(root, file));
}
if (existsSync('/usr/local/share/ca-certificates')) cpSync('/usr/local/share/ca-certificates', join(root, 'usr/local/share/ca-certificates'), { recursive: true });
run('chroot', [root, 'update-ca-certificates'], { stdio: 'ignore' });
copyFileSync('/etc/ssl/certs/ca-certificates.crt', join(root, 'etc/ssl/certs/ca-certificates.crt'));

// Node and npm as the official tarball lays them out under /usr/local: bin/node, include/node, lib/node_modules/npm.
const node = realpathSync(process.execPath);
const prefix = dirname(dirname(node));
const npmDir = [join(prefix, 'lib/node_modules/npm'), join(output('npm', ['root', '-g']), 'npm')].find((dir) => existsSync(join(dir, 'package.json')));
if (!npmDir) fail(`cannot find npm beside ${node}`);
if (!existsSync(join(prefix, 'include/node/common.gypi'))) fail(`this Node (${node}) has no headers in ${prefix}/include/node: an official install has them`);
const local = join(root, 'usr/local');
copyFileSync(node, join(local, 'bin/node'));
chmodSync(join(local, 'bin/node'), 0o755);
cpSync(join(prefix, 'include/node'), join(local, 'include/node'), { recursive: true });
cpSync(npmDir, join(local, 'lib/node_modules/npm'), { recursive: true });
symlinkSync('../lib/node_modules/npm/bin/npm-cli.js', join(local, 'bin/npm'));
symlinkSync('../lib/node_modules/npm/bin/npx-cli.js', join(local, 'bin/npx'));
// npm's global config of that install: only how to reach the registry.
const npmrc = [];
for (const key of ['registry', 'proxy', 'https-proxy', 'noproxy', 'strict-ssl', 'cafile']) {
  const value = output('npm', ['config', 'get', key], { cwd: '/' });
  if (value && value !== 'null' && value !== 'undefined') npmrc.push(`${key}=${value}`);
}
const cafile = npmrc.find((line) => line.startsWith('cafile='))?.slice('cafile='.length);
if (cafile && !existsSync(join(root, cafile))) {
  mkdirSync(dirname(join(root, cafile)), { recursive: true });
  copyFileSync(cafile, join(root, cafile));
}
mkdirSync(join(local, 'etc'), { recursive: true });
writeFileSync(join(local, 'etc/npmrc'), `${npmrc.join('\n')}\n`);

// ---- the repository, cloned at the commit under test

const commit = output('git', ['-C', repo, 'rev-parse', '--verify', `${options.commit}^{commit}`]);
if (!commit) fail(`no commit ${options.commit} in ${repo}`);
if (options.commit === 'HEAD' && output('git', ['-C', repo, 'status', '--porcelain', '--untracked-files=no'])) {
  say('the working tree has uncommitted changes: they are not part of this check');
}
const clone = join(root, 'root/unix-cred');
run('git', ['clone', '--quiet', '--no-checkout', repo, clone]);
run('git', ['-C', clone, 'checkout', '--quiet', '--detach', commit]);
say(`${commit.slice(0, 12)} cloned into /root/unix-cred (/root is mode ${(statSync(join(root, 'root')).mode & 0o777).toString(8)})`);

// ---- the README's commands, as written there

const readme = readFileSync(join(clone, 'README.md'), 'utf8');
const command = (what) => new RegExp(`^\\| ${what} \\| \`([^\`]+)\` \\|$`, 'm').exec(readme)?.[1];
const steps = [
  { name: 'demo', command: command('install and run the demo'), timeoutMinutes: 20 },
  { name: 'test', command: command('install and run every test'), timeoutMinutes: 50 },
];
for (const step of steps) if (!step.command) fail(`README.md has no "${step.name}" command in its table`);

// A fresh environment: no variable of this session but the proxies, so nothing of this machine's set-up leaks in.
const env = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', LANG: 'C.UTF-8', TERM: 'dumb', UNIX_CRED_FRESH_ROOT: '1' };
for (const name of ['http_proxy', 'https_proxy', 'no_proxy', 'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY']) if (process.env[name]) env[name] = process.env[name];

/**
 * Runs `script` as root in the fresh root (its own mount and pid namespaces, /proc, /sys, /dev); resolves with
 * status and output. The root becomes the namespace's own root with pivot_root, not chroot: a chrooted process
 * may not create user namespaces (unshare(2), EPERM), which the tests do as on any machine.
 */
function inRoot(script, timeoutMinutes) {
  const mounts = `mount --bind "$1" "$1" && mount -t proc proc "$1/proc" && mount --rbind /sys "$1/sys" && mount --rbind /dev "$1/dev" && cd "$1" && mkdir .host && pivot_root . .host && cd / && umount -l /.host && rmdir /.host && exec /usr/bin/env -i ${Object.entries(env)
    .map(([name, value]) => `${name}='${value}'`)
    .join(' ')} /bin/bash -c "$2"`;
  // --kill-child: when unshare ends, so does everything in the root's pid namespace.
  const child = spawn('unshare', ['--mount', '--propagation', 'private', '--pid', '--fork', '--kill-child', 'sh', '-c', mounts, 'sh', root, script], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () => child.kill('SIGKILL');
  process.once('SIGINT', stop).once('SIGTERM', stop);
  let text = '';
  const copy = (to) => (chunk) => {
    text += chunk;
    to.write(chunk);
  };
  child.stdout.setEncoding('utf8').on('data', copy(process.stdout));
  child.stderr.setEncoding('utf8').on('data', copy(process.stderr));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMinutes * 60_000);
  return new Promise((resolve) =>
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      process.off('SIGINT', stop).off('SIGTERM', stop);
      resolve({ status: status ?? signal, text });
    }),
  );
}

const times = [];
for (const step of steps) {
  say(`${step.name}: ${step.command}`);
  const since = Date.now();
  const { status, text } = await inRoot(`cd /root/unix-cred && ${step.command}`, step.timeoutMinutes);
  times.push(`${step.name} ${seconds(since)}`);
  if (status !== 0) fail(`the README's ${step.name} command failed (${status}) after ${seconds(since)} on a fresh Debian ${SUITE}`);
  const noise = NOISE.filter(([pattern]) => pattern.test(text));
  if (noise.length > 0) {
    const lines = text.split('\n').filter((line) => noise.some(([pattern]) => pattern.test(line)));
    fail(`the ${step.name} command passed but printed noise: ${noise.map(([, what]) => what).join('; ')}\n${lines.join('\n')}`);
  }
  say(`${step.name} passed in ${seconds(since)}`);
}
say(`passed: ${times.join(', ')}; ${seconds(started)} in all`);
