#!/usr/bin/env node
// Makes sure what the next step needs is here: as root on Debian it installs what is missing with apt-get
// (--no-install-recommends), elsewhere it says what to install.
// usage: node scripts/toolchain.js          the native toolchain node-gyp needs (the root preinstall script)
//        node scripts/toolchain.js test     that, and what the tests need besides (the start of pnpm test)
import { spawnSync } from 'node:child_process';

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const python = (code) => spawnSync('/usr/bin/python3', ['-c', code], { stdio: 'ignore' }).status === 0;

// Each need is met by any of its commands (the BSDs have clang's c++, not g++); the Debian packages provide the first.
const build = [
  { what: 'python3', met: () => has('python3'), debian: ['python3'] },
  { what: 'make', met: () => has('make'), debian: ['make'] },
  { what: 'g++ or c++ or clang++', met: () => ['g++', 'c++', 'clang++'].some(has), debian: ['g++'] },
];
// GLib's Gio.UnixConnection from Python: the other end of the credential- and descriptor-passing tests.
// (QEMU and the VM's kernel: vm-images/linux/prepare.sh; qemu-user: tests/packaging. Each installs its own.)
const test = [
  {
    what: "Python's GLib bindings (gi, Gio 2.0)",
    met: () => python('import gi; gi.require_version("Gio", "2.0"); from gi.repository import Gio'),
    debian: ['python3', 'python3-gi', 'gir1.2-glib-2.0'],
  },
  { what: 'unshare', met: () => has('unshare'), debian: ['util-linux'] },
  // The recipes for the OSes that cannot run here are linted instead (tests/vm-recipes).
  { what: 'shellcheck', met: () => has('shellcheck'), debian: ['shellcheck'] },
  { what: 'ruby (ruby -c on the Vagrantfiles)', met: () => has('ruby'), debian: ['ruby'] },
  // pnpm lint's check of the C and C++ sources (scripts/check-format.js): Debian 12's clang-format is version 14.
  { what: 'clang-format', met: () => has('clang-format'), debian: ['clang-format'] },
  // Which system calls a query makes (packages/linux/test/linux.test.ts).
  { what: 'strace', met: () => has('strace'), debian: ['strace'] },
];

const purpose = process.argv[2] === 'test' ? 'to run the tests' : 'to compile the native addons';
const needs = process.argv[2] === 'test' ? [...build, ...test] : build;
const unmet = needs.filter((need) => !need.met());
if (unmet.length === 0) process.exit(0);

const packages = [...new Set(unmet.flatMap((need) => need.debian))];
if (process.getuid?.() === 0 && has('apt-get')) {
  console.log(`toolchain: installing ${packages.join(' ')} with apt-get (needed ${purpose})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
  if (run(['update', '-q']) && run(['install', '-y', '-q', '--no-install-recommends', ...packages]) && unmet.every((need) => need.met())) process.exit(0);
}
console.error(
  `toolchain: missing ${unmet.map((need) => need.what).join(', ')} (needed ${purpose}). ` +
    `Install them (Debian: sudo apt-get install -y --no-install-recommends ${packages.join(' ')}) and run again.`,
);
process.exit(1);
