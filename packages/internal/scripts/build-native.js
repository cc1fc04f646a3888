#!/usr/bin/env node
// Builds the addon of the platform package in the current directory, or says why it is skipped.
// usage: unix-cred-build-native <os> [<os>...]   (the platforms the package serves, as platformName() names them)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type } from 'node:os';

const served = process.argv.slice(2);
const here = type() === 'DragonFly' ? 'dragonfly' : process.platform;
const { name } = JSON.parse(readFileSync('package.json', 'utf8'));

if (!served.includes(here)) {
  console.log(`skipped: not this OS (${name} builds on ${served.join(', ')}; this is ${here})`);
  process.exit(0);
}

// Headers for the running Node: npm's nodedir setting if given, else the ones installed beside this Node
// binary (Debian's nodejs and the official tarballs both have them), else node-gyp downloads them.
function nodedir() {
  if (process.env.npm_config_nodedir) return process.env.npm_config_nodedir;
  const prefix = dirname(dirname(process.execPath));
  return existsSync(join(prefix, 'include', 'node', 'node_api.h')) ? prefix : undefined;
}

const require = createRequire(import.meta.url);
const args = [require.resolve('node-gyp/bin/node-gyp.js'), 'rebuild', '--jobs', 'max', '--loglevel', 'warn'];
const dir = nodedir();
if (dir) args.push(`--nodedir=${dir}`);
const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(result.status ?? 1);
