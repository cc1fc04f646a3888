// darwin.c and addon.cc against the real macOS SDK headers, for both Mac CPUs: scripts/cross-compile.js
// builds them with zig and checks the Mach-O images (it skips, saying so, on a host zig is not packaged for).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

// A build check, not a runtime one: it needs Node's own headers (uv.h), so it runs under Node.
it.runIf(!('bun' in process.versions))('compiles and links for x86_64 and arm64 macOS', { timeout: 600_000 }, () => {
  const script = fileURLToPath(new URL('../scripts/cross-compile.js', import.meta.url));
  const result = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  expect(result.stderr).not.toMatch(/error|warning/i);
  expect(result.status).toBe(0);
  if (result.stdout.includes('skipped:')) return;
  expect(result.stdout).toMatch(/^x86_64-macos: Mach-O 64-bit x86_64 /m);
  expect(result.stdout).toMatch(/^aarch64-macos: Mach-O 64-bit arm64 /m);
});
