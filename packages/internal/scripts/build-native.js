#!/usr/bin/env node
// Builds the addon of the platform package in the current directory, or says why it is skipped.
// usage: unix-cred-build-native [--install] <os> [<os>...]   (the platforms the package serves, as platformName() names them)
// --install is the package's install script: silent on another OS, nothing to do when a binary is already
// there (a prebuild, or a build from before), else a build from source.
// The build never downloads: it compiles against the headers of the Node running it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type } from 'node:os';

const install = process.argv[2] === '--install';
const served = process.argv.slice(install ? 3 : 2);
const here = type() === 'DragonFly' ? 'dragonfly' : process.platform;
const { name } = JSON.parse(readFileSync('package.json', 'utf8'));
const require = createRequire(import.meta.url);

if (!served.includes(here)) {
  if (!install) console.log(`skipped: not this OS (${name} builds on ${served.join(', ')}; this is ${here})`);
  process.exit(0);
}

if (install) {
  try {
    require('node-gyp-build').path(process.cwd());
    process.exit(0);
  } catch {
    // no binary for this platform: build one below
  }
}

// Headers for the running Node: npm's nodedir setting if the user gave one, else those installed beside this
// Node binary (the official tarballs, nodesource's and Debian's packages all have them). node-gyp needs the
// full set with common.gypi and libuv's headers (unix_cred/async.h polls on the loop), so node-api-headers
// alone cannot stand in. Without headers node-gyp would download them: say what is missing instead.
function nodedir() {
  if (process.env.npm_config_nodedir) return process.env.npm_config_nodedir;
  const prefix = dirname(dirname(process.execPath));
  return existsSync(join(prefix, 'include', 'node', 'common.gypi')) ? prefix : undefined;
}
const dir = nodedir();
if (!dir) {
  const expected = join(dirname(dirname(process.execPath)), 'include', 'node');
  console.error(`${name}: no prebuilt binary for ${here}-${process.arch} and no Node headers in ${expected} to build one; install Node with its headers (the official tarball has them) or set npm's nodedir`);
  process.exit(1);
}

// node-gyp: the repository's own, else the one the package manager running this install brings.
function nodeGyp() {
  try {
    return [process.execPath, require.resolve('node-gyp/bin/node-gyp.js')];
  } catch {
    return process.env.npm_config_node_gyp ? [process.execPath, process.env.npm_config_node_gyp] : ['node-gyp'];
  }
}
const [command, ...prefix] = nodeGyp();
const args = [...prefix, 'rebuild', '--jobs', 'max', '--loglevel', 'warn', `--nodedir=${dir}`];
const result = spawnSync(command, args, { stdio: 'inherit' });
process.exit(result.status ?? 1);
