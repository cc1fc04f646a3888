#!/usr/bin/env node
// Checks that every C and C++ source git tracks is formatted as .clang-format says, with clang-format 14 (Debian 12's,
// which scripts/toolchain.js installs for pnpm test): another major version formats differently, so it is refused.
// Lists each file that differs, and the command that formats it. Part of pnpm lint.
// usage: node scripts/check-format.js [--fix] [file...]   (default: every C and C++ file git tracks)
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const MAJOR = 14;

function fail(message) {
  console.error(`check-format: ${message}`);
  process.exit(1);
}

const version = spawnSync('clang-format', ['--version'], { encoding: 'utf8' });
if (version.error || version.status !== 0) fail('no clang-format on PATH (Debian: apt-get install --no-install-recommends clang-format, or node scripts/toolchain.js test)');
const major = Number(/version (\d+)\./.exec(version.stdout)?.[1]);
if (major !== MAJOR) fail(`clang-format ${MAJOR} formats these files; this is ${version.stdout.trim()}`);

function tracked() {
  const listed = spawnSync('git', ['ls-files', '-z', '--', '*.c', '*.h', '*.cc'], { cwd: root, encoding: 'utf8' });
  if (listed.status !== 0) fail(`git ls-files failed: ${listed.stderr}`);
  return listed.stdout.split('\0').filter((file) => file !== '');
}

const fix = process.argv.includes('--fix');
const named = process.argv.slice(2).filter((arg) => arg !== '--fix');
const files = named.length > 0 ? named : tracked();
if (files.length === 0) fail('no C or C++ sources found');

const run = spawnSync('clang-format', [fix ? '-i' : '--dry-run', '--Werror', '--style=file', ...files], { cwd: root, encoding: 'utf8' });
if (run.status !== 0) {
  const unformatted = [...new Set([...run.stderr.matchAll(/^(\S+?):\d+:\d+: error: code should be clang-formatted/gm)].map((m) => m[1]))];
  fail(`${unformatted.length > 0 ? `not formatted: ${unformatted.join(' ')}` : run.stderr.trim()}\n  format them: node scripts/check-format.js --fix`);
}
console.log(`check-format: ${files.length} C and C++ files ${fix ? 'formatted' : 'formatted as .clang-format says'}`);
