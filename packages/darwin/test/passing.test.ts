// Logic tests of darwin.c's passing ops, compiled on Linux against stand-ins of macOS's headers with a fake kernel
// (see packages/internal/test-support): 4-byte CMSG alignment, no MSG_CMSG_CLOEXEC (so FD_CLOEXEC on each
// descriptor received), no credential messages. Then what every passing function does on another OS.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkScenario, darwinErrno, runScenarios } from '../../internal/test-support/c-driver.js';
import { noMessageCases, passingCases } from '../../internal/test-support/passing-cases.js';
import { passingOnAnotherOs } from '../../internal/test-support/other-os.js';
import * as darwin from '../src/index.js';

const errno = darwinErrno;
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const sources = ['src/darwin.c', 'test/c/passing.c'];
const cases = [...passingCases({ align: 4, cloexec: null, scmRights: 1, errno }), ...noMessageCases];

describe('darwin.c: passing', () => {
  const results = runScenarios({ packageDir, sources, standins: ['test/standin/darwin'], bsd: true, errno, defines: ['__APPLE__=1', '__MACH__=1'] });
  it.each(cases)('%s', (name, expected) => checkScenario(results, name, expected));
  it('runs no scenario without an expectation', () => expect(results.size).toBe(cases.length));
});

describe.runIf(process.platform !== 'darwin')('passing on another OS', () => {
  it('every call fails with ERR_UNIX_CRED_UNSUPPORTED naming macOS', async () => {
    for (const failure of await passingOnAnotherOs(darwin.passing)) expect(failure).toMatch(/^ERR_UNIX_CRED_UNSUPPORTED: .*@unix-cred\/darwin works on macOS only/);
  });
});
