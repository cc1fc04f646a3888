// The linux-x64 glibc prebuild (built with zig for glibc 2.17 by scripts/prebuild.js, which this package's test
// script runs first) under the whole conformance suite: PREBUILDS_ONLY makes node-gyp-build pass over build/Release.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
// Not this run's VITEST_* variables: the suite below is a vitest run of its own.
const env = { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST'))), PREBUILDS_ONLY: '1' };

it('the linux-x64 glibc prebuild passes the conformance suite', () => {
  const linux = join(root, 'packages', 'linux');
  const loaded = spawnSync(process.execPath, ['-p', `require('node-gyp-build').resolve(${JSON.stringify(linux)})`], { cwd: linux, env, encoding: 'utf8' });
  expect(loaded.stdout.trim()).toBe(join(linux, 'prebuilds', 'linux-x64', '@unix-cred+linux.glibc.node'));

  const conformance = join(root, 'conformance');
  const run = spawnSync(process.execPath, [join(conformance, 'node_modules', 'vitest', 'vitest.mjs'), 'run'], { cwd: conformance, env, encoding: 'utf8' });
  expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
  console.log(run.stdout.split('\n').filter((line) => /Test Files|Tests /.test(line)).join('\n'));
});
