import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const oses = ['freebsd', 'openbsd', 'netbsd', 'dragonfly', 'sunos', 'darwin'];

// vm-images/rehearse.js: guest.sh as each OS would run it (install, build, vitest collecting conformance/).
it(`guest.sh gets from install to a collected suite as ${oses.join(', ')}`, () => {
  const result = spawnSync(process.execPath, [join(root, 'vm-images', 'rehearse.js'), ...oses], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  const output = `${result.stdout}${result.stderr}`;
  expect(result.status, output).toBe(0);
  for (const os of oses) expect(output).toMatch(new RegExp(`^ok   ${os}$`, 'm'));
  expect(output).toContain(`rehearsal: ${oses.length} of ${oses.length} OSes passed. Not covered here`);
});
