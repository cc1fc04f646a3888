#!/usr/bin/env node
// Makes sure the native toolchain node-gyp needs is here before a build from source:
// as root on Debian it installs what is missing with apt-get, elsewhere it says what to install.
import { spawnSync } from 'node:child_process';

// Each need is met by any of its commands (the BSDs have clang's c++, not g++); the Debian package provides the first.
const needs = [
  { commands: ['python3'], debian: 'python3' },
  { commands: ['make'], debian: 'make' },
  { commands: ['g++', 'c++', 'clang++'], debian: 'g++' },
];
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const unmet = needs.filter((need) => !need.commands.some(has));
if (unmet.length === 0) process.exit(0);

const missing = unmet.map((need) => need.commands.join(' or '));
const packages = unmet.map((need) => need.debian);
if (process.getuid?.() === 0 && has('apt-get')) {
  console.log(`toolchain: installing ${packages.join(' ')} with apt-get (needed to compile the native addons)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
  if (run(['update', '-q']) && run(['install', '-y', '-q', ...packages])) process.exit(0);
}
console.error(`toolchain: missing ${missing.join(', ')}. Install them (Debian: sudo apt-get install -y ${packages.join(' ')}) and run again.`);
process.exit(1);
