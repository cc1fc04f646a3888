// Logic tests of darwin.c's getProcessCredentials, compiled on Linux against stand-ins of macOS's headers
// (see packages/internal/test-support): no getresuid on macOS, so no saved ids.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getProcessCredentials } from '../src/index.js';
import { bsdErrno } from '../../internal/test-support/c-driver.js';
import { describeProcessScenarios } from '../../internal/test-support/process-scenarios.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const sources = ['src/darwin.c', 'test/c/process.c'];
describeProcessScenarios('macOS', { packageDir, sources, standins: ['test/standin/darwin'], bsd: true, errno: bsdErrno, defines: ['__APPLE__=1', '__MACH__=1'] }, false);

describe.runIf(!['darwin'].includes(process.platform))('on another OS', () => {
  it('getProcessCredentials throws ERR_UNIX_CRED_UNSUPPORTED', () => {
    expect(getProcessCredentials).toThrow(expect.objectContaining({ code: 'ERR_UNIX_CRED_UNSUPPORTED', message: expect.stringContaining('macOS only') }));
  });
});
