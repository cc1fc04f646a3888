#!/usr/bin/env node
// pnpm lint:packages: every package of packages/ packed as it would be published, each tarball checked with publint
// (--strict: its warnings fail too) and @arethetypeswrong/cli. attw runs with its esm-only profile: the packages are
// ESM only and their engines (Node >= 20.19) require() ESM, so "ESM (dynamic import only)" from CommonJS is expected.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packPackages } from './pack.js';

const bin = join(dirname(dirname(fileURLToPath(import.meta.url))), 'node_modules', '.bin');
const checks = {
  publint: (tarball) => ['run', tarball, '--strict'],
  attw: (tarball) => [tarball, '--profile', 'esm-only', '--format', 'ascii', '--no-color', '--no-emoji'],
};

const dir = mkdtempSync(join(tmpdir(), 'unix-cred-lint-'));
let passed = 0;
let failed = 0;
try {
  for (const { name, filename } of packPackages(dir)) {
    for (const [tool, args] of Object.entries(checks)) {
      const result = spawnSync(join(bin, tool), args(filename), { encoding: 'utf8' });
      console.log(`${result.status === 0 ? 'ok  ' : 'FAIL'} ${tool} ${name}`);
      if (result.status === 0) passed++;
      else {
        failed++;
        console.log(`${result.stdout}${result.stderr}`);
      }
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`lint:packages: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
