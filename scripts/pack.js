// Packs every package of packages/ as it would be published: pnpm pack, which turns the workspace:* ranges into
// versions. Shared by lint-packages.js and the install test (tests/packaging).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

/**
 * @param {string} destination the folder the tarballs go to
 * @returns {{ name: string; version: string; filename: string; files: { path: string }[] }[]}
 */
export function packPackages(destination) {
  // The pnpm of packageManager, by npx, as the README runs it: a test run by vitest alone has no pnpm on PATH.
  const { packageManager } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const args = ['--yes', packageManager, '--recursive', '--filter', './packages/*', 'pack', '--pack-destination', destination, '--json'];
  const result = spawnSync('npx', args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pnpm pack failed:\n${result.stdout}${result.stderr}`);
  return JSON.parse(result.stdout);
}
