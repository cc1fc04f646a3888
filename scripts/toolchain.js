#!/usr/bin/env node
// Makes sure the native toolchain node-gyp needs is here before a build from source:
// as root on Debian it installs what is missing with apt-get, elsewhere it says what to install.
import { spawnSync } from 'node:child_process';

const needed = { python3: 'python3', make: 'make', 'g++': 'g++' };
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const missing = Object.keys(needed).filter((command) => !has(command));
if (missing.length === 0) process.exit(0);

const packages = missing.map((command) => needed[command]);
if (process.getuid?.() === 0 && has('apt-get')) {
  console.log(`toolchain: installing ${packages.join(' ')} with apt-get (needed to compile the native addons)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
  if (run(['update', '-q']) && run(['install', '-y', '-q', ...packages])) process.exit(0);
}
console.error(`toolchain: missing ${missing.join(', ')}. Install them (Debian: sudo apt-get install -y ${packages.join(' ')}) and run again.`);
process.exit(1);
