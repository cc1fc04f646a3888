// pnpm lint:packages (scripts/lint-packages.js): publint and @arethetypeswrong/cli on every package's tarball.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

it('publint and attw find nothing in any published package', () => {
  const script = fileURLToPath(new URL('../../../scripts/lint-packages.js', import.meta.url));
  const lint = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  console.log(lint.stdout);
  expect(lint.status, lint.stderr).toBe(0);
});
