// The API reference cannot rot: typedoc (`pnpm docs` at the root) runs over every public package with its
// validation (typedoc.json), and any warning — an undocumented export, a broken link — fails the tests.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

it('typedoc documents every export of every public package, with no warning', { timeout: 180_000 }, () => {
  const result = spawnSync(`${root}node_modules/.bin/typedoc`, ['--emit', 'none'], { cwd: root, encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}`;
  expect(output).not.toMatch(/\[(warning|error)\]/);
  expect(result.status).toBe(0);
});
