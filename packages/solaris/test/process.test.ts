// Logic tests of solaris.c's getProcessCredentials, compiled on Linux against stand-ins of illumos's
// headers (see packages/internal/test-support): the saved ids from ucred_get(P_MYID), freed once.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getProcessCredentials } from '../src/index.js';
import { illumosErrno } from '../../internal/test-support/c-driver.js';
import { describeProcessScenarios } from '../../internal/test-support/process-scenarios.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const errno = illumosErrno;
// What the compiler and binding.gyp define on illumos.
const defines = ['__sun=1', '__SVR4=1', '_XOPEN_SOURCE=600', '__EXTENSIONS__'];
const spec = { packageDir, sources: ['src/solaris.c', 'test/c/process.c', 'test/c/fake_ucred.c'], standins: ['test/standin/solaris'], bsd: false, errno, defines };
const ids = { 1: 4242, 5: 1000, 6: 1001, 9: 2000, 10: 2001 };
const freedOnce = { ucred_get: 1, ucred_free: 1 };

describeProcessScenarios('Solaris', spec, true, [
  ['process: ucred_get fails', { rc: 12, words: { 0: 0, ...ids }, groups: [10, 20, 30], counters: { ucred_get: 1, ucred_free: 0 } }],
  ['process: the ucred_t reports no saved ids', { rc: 12, words: { 0: 0, ...ids }, counters: freedOnce }],
]);

describe.runIf(!['sunos'].includes(process.platform))('on another OS', () => {
  it('getProcessCredentials throws ERR_UNIX_CRED_UNSUPPORTED', () => {
    expect(getProcessCredentials).toThrow(expect.objectContaining({ code: 'ERR_UNIX_CRED_UNSUPPORTED', message: expect.stringContaining('Solaris and illumos only') }));
  });
});
