// Logic tests of solaris_passing.c, compiled on Linux against stand-ins of illumos's headers (-D_XOPEN_SOURCE=600
// -D__EXTENSIONS__: msg_control and the CMSG_* macros, 4-byte aligned) with a fake kernel (see
// packages/internal/test-support): descriptors, and SO_RECVUCRED's SCM_UCRED on datagrams. Then what every
// passing function does on another OS.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkScenario, runScenarios, type Expected } from '../../internal/test-support/c-driver.js';
import { noMessageCases, passingCases } from '../../internal/test-support/passing-cases.js';
import { passingOnAnotherOs } from '../../internal/test-support/other-os.js';
import * as solaris from '../src/index.js';

// illumos's numbers (sys/errno.h), EWOULDBLOCK being EAGAIN.
const errno = { EBADF: 9, ENOMEM: 12, EINVAL: 22, ENOTSUP: 48, ENOTSOCK: 95, ENOPROTOOPT: 99, EOPNOTSUPP: 122, ENOTCONN: 134, EAGAIN: 11, EWOULDBLOCK: 11, EINTR: 4, ECONNRESET: 131 };
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const defines = ['__sun=1', '__SVR4=1', '_XOPEN_SOURCE=600', '__EXTENSIONS__'];
const [MESSAGE, PID, GROUPS, DATAGRAM] = [1, 2, 4, 16];
const cases: [string, Expected][] = [
  ...passingCases({ align: 4, cloexec: 0x1000, scmRights: 0x1010, errno }),
  ...noMessageCases,
  ['enable: a datagram socket', { rc: 0, words: { 0: 1 }, log: 'setsockopt level 65535;name 1024;value 1;' }],
  // The effective ids, as getpeerucred's on a stream; a pid the kernel does not report (-1) is none.
  ['receive credentials: SCM_UCRED', { rc: 8, words: { 0: MESSAGE | PID | GROUPS, 1: 4242, 2: 1001, 3: 2001 }, groups: [10, 20] }],
  ['receive credentials: SCM_UCRED of a sender in another zone', { rc: 8, words: { 0: MESSAGE | GROUPS, 1: 0, 2: 1001, 3: 2001 } }],
  ['receive credentials: SCM_UCRED without supplementary groups', { rc: 0, words: { 0: MESSAGE | PID | GROUPS, 2: 1001 }, groups: [] }],
  ['receive credentials: SCM_UCRED without effective ids', { rc: 0, words: { 0: DATAGRAM } }],
];

describe('solaris_passing.c', () => {
  const results = runScenarios({ packageDir, sources: ['src/solaris_passing.c', 'test/c/solaris_passing.c', 'test/c/fake_ucred.c'], standins: ['test/standin/solaris'], bsd: false, errno, defines });
  it.each(cases)('%s', (name, expected) => checkScenario(results, name, expected));
  it('runs no scenario without an expectation', () => expect(results.size).toBe(cases.length));
});

describe.runIf(process.platform !== 'sunos')('passing on another OS', () => {
  it('every call fails with ERR_UNIX_CRED_UNSUPPORTED naming Solaris and illumos', async () => {
    for (const failure of await passingOnAnotherOs(solaris.passing)) expect(failure).toMatch(/^ERR_UNIX_CRED_UNSUPPORTED: .*@unix-cred\/solaris works on Solaris and illumos only/);
  });
});
