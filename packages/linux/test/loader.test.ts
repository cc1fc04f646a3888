// The loader dlopens the binary node-gyp-build would pick without asking it (its probing costs start-up time),
// and asks it only when that fails or its variables choose. Here, for each layout of build/ and prebuilds/
// and each variable node-gyp-build reads, the file a fresh process maps once loadNative returns is the one
// node-gyp-build.resolve names: a wrong binary is never picked silently. Each candidate is a copy of this
// package's build at its own path, so /proc/self/maps tells them apart.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const linux = fileURLToPath(new URL('..', import.meta.url));
const release = join(linux, 'build', 'Release');
const built = join(release, readdirSync(release).find((file) => file.endsWith('.node'))!);
const internal = fileURLToPath(import.meta.resolve('@unix-cred/internal'));
const PACKAGE = '@unix-cred/linux';
const OVERRIDE = `${PACKAGE.toUpperCase().replace(/-/g, '_')}_PREBUILD`;

// In a fresh process: loadNative as the package calls it, then the .node files mapped, and node-gyp-build's choice.
const PROBE = `
const [internal, dir] = process.argv.slice(1);
const { capabilities, loadNative, passingOps } = await import(internal);
const { createRequire } = await import('node:module');
const { readFileSync } = await import('node:fs');
let error = null;
try {
  loadNative({ packageName: '${PACKAGE}', moduleUrl: new URL('dist/index.js', new URL(dir + '/', 'file:')).href, servesThisOs: true, servedOsLabel: 'Linux', capabilities: capabilities.linux, ops: passingOps });
} catch (e) { error = e.code; }
const mapped = [...new Set(readFileSync('/proc/self/maps', 'utf8').split('\\n').map((line) => line.split(/\\s+/)[5]).filter((file) => file?.endsWith('.node')))];
let chosen = null;
try { chosen = createRequire(${JSON.stringify(join(linux, 'package.json'))})('node-gyp-build').resolve(dir); } catch {}
console.log(JSON.stringify({ error, mapped, chosen }));`;

const work = mkdtempSync(join(tmpdir(), 'unix-cred-loader-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A package directory holding a copy of the build at each of `files` (relative paths). */
function layout(name: string, files: string[]): string {
  const dir = join(work, name);
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: PACKAGE }));
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(built, join(dir, file));
  }
  return dir;
}

function probe(dir: string, env: Record<string, string> = {}): { error: string | null; mapped: string[]; chosen: string | null } {
  // Not this run's variables that would choose for node-gyp-build (pnpm may set npm_config_*).
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(PREBUILDS_ONLY|LIBC|npm_config_(arch|platform))$/.test(key) && key !== OVERRIDE));
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', PROBE, pathToFileURL(internal).href, dir], { env: { ...base, ...env }, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

const glibc = `prebuilds/linux-${process.arch}/@unix-cred+linux.glibc.node`;
const musl = `prebuilds/linux-${process.arch}/@unix-cred+linux.musl.node`;

describe.runIf(process.platform === 'linux')("the addon loaded is node-gyp-build's choice", () => {
  it.each([
    ['a local build over the prebuilds', ['build/Release/a.node', glibc, musl], {}],
    ['build/Debug when there is no Release build', ['build/Debug/a.node', glibc], {}],
    ["this platform's prebuild for this libc", [glibc, musl], {}],
    ['PREBUILDS_ONLY: the prebuild, not the local build', ['build/Release/a.node', glibc], { PREBUILDS_ONLY: '1' }],
    ['LIBC=musl: the musl prebuild', [glibc, musl], { LIBC: 'musl' }],
    ['npm_config_arch: that arch', [glibc, 'prebuilds/linux-otherarch/@unix-cred+linux.glibc.node'], { npm_config_arch: 'otherarch' }],
    ['a Release directory without a binary: the prebuild', ['build/Release/obj.target/a.o', glibc], {}],
  ] as [string, string[], Record<string, string>][])('%s', (name, files, env) => {
    const dir = layout(name.replace(/\W+/g, '-'), files);
    const { error, mapped, chosen } = probe(dir, env);
    expect(error).toBeNull();
    expect(chosen).not.toBeNull();
    expect(mapped).toEqual([chosen]);
  });

  it(`${OVERRIDE}: the directory it names`, () => {
    const elsewhere = layout('override-target', [glibc]);
    const dir = layout('override', ['build/Release/a.node']);
    const { error, mapped, chosen } = probe(dir, { [OVERRIDE]: elsewhere });
    expect(error).toBeNull();
    expect(mapped).toEqual([join(elsewhere, glibc)]);
    expect(chosen).toBe(join(elsewhere, glibc));
  });

  it('no binary anywhere: ERR_UNIX_CRED_BINARY_NOT_FOUND, nothing mapped', () => {
    const { error, mapped } = probe(layout('none', []));
    expect(error).toBe('ERR_UNIX_CRED_BINARY_NOT_FOUND');
    expect(mapped).toEqual([]);
  });
});
