// scripts/check-format.js (pnpm lint): the C and C++ sources are formatted as .clang-format says, and a file that
// is not fails the check, named. Needs Debian 12's clang-format 14 (scripts/toolchain.js test installs it).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const check = (...args: string[]) => spawnSync(process.execPath, ['scripts/check-format.js', ...args], { cwd: root, encoding: 'utf8' });

describe('check-format', { timeout: 60_000 }, () => {
  // Inside the checkout, so that clang-format finds its .clang-format.
  const work = mkdtempSync(join(root, 'node_modules', '.check-format-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('passes on every tracked C and C++ file', () => {
    const run = check();
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^check-format: \d+ C and C\+\+ files formatted as \.clang-format says/);
    expect(run.status).toBe(0);
  });

  it('fails on a file that is not formatted, naming it, and passes once it is', () => {
    const file = join(work, 'sample.c');
    writeFileSync(file, 'int  main(void){return 0;}\n');
    const run = check(file);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`not formatted: ${file}`);
    writeFileSync(file, 'int main(void) { return 0; }\n');
    expect(check(file).status).toBe(0);
  });
});
