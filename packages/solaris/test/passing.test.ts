// Logic tests of solaris.c's passing ops, compiled on Linux against stand-ins of illumos's headers (-D_XOPEN_SOURCE=600
// -D__EXTENSIONS__: msg_control and the CMSG_* macros, 4-byte aligned) with a fake kernel (see
// packages/internal/test-support) and a model of illumos's (test/c/fake_illumos_kernel.c: a sender's control
// messages pass through, the kernel's SCM_UCRED comes last on a datagram socket with SO_RECVUCRED on; docs/platforms.md
// 5.1): descriptors, cut control data, and which SCM_UCRED is believed. Then what every passing function does on another OS.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkScenario, illumosErrno, runScenarios, UC, type Expected } from '../../internal/test-support/c-driver.js';
import { closeLog, noMessageCases, passingCases, receiveLog, type PassingOs } from '../../internal/test-support/passing-cases.js';
import { passingOnAnotherOs } from '../../internal/test-support/other-os.js';
import * as solaris from '../src/index.js';

// illumos's numbers (sys/errno.h), EWOULDBLOCK being EAGAIN.
const errno = illumosErrno;
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const defines = ['__sun=1', '__SVR4=1', '_XOPEN_SOURCE=600', '__EXTENSIONS__'];
const [MESSAGE, PID, GROUPS, DATAGRAM] = [1, 2, 4, 16];
const os: PassingOs = { align: 4, cloexec: 0x1000, scmRights: 0x1010, errno, asksAcceptconn: true };
const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, i) => from + i);
/** The kernel's SCM_UCRED of the sender (pid 4242, euid 1001, egid 2001, groups 10 and 20). */
const kernels: Expected = { rc: 8, words: { 0: MESSAGE | PID | GROUPS, 1: 4242, 2: 1001, 3: 2001 }, groups: [10, 20] };
const none: Expected = { rc: 0, words: { 0: DATAGRAM } };
const cases: [string, Expected][] = [
  ...passingCases(os),
  ...noMessageCases,
  ['enable: a datagram socket', { rc: 0, words: { 0: 1 }, log: 'setsockopt level 65535;name 1024;value 1;' }],
  // The effective ids, as getpeerucred's on a stream; a pid the kernel does not report (-1) is none.
  ["receive credentials: the kernel's SCM_UCRED", kernels],
  ['receive credentials: SCM_UCRED of a sender in another zone', { rc: 8, words: { 0: MESSAGE | GROUPS, 1: 0, 2: 1001, 3: 2001 } }],
  ['receive credentials: SCM_UCRED without supplementary groups', { rc: 0, words: { 0: MESSAGE | PID | GROUPS, 2: 1001 }, groups: [] }],
  ['receive credentials: SCM_UCRED without credentials (a remote peer)', none],
  // tl appends the kernel's after whatever the sender wrote: the last one is believed, never the first.
  ["receive credentials: a sender's SCM_UCRED claiming root, then the kernel's", kernels],
  // Without SO_RECVUCRED every SCM_UCRED is the sender's own; on a stream always (the peer's stand in).
  ["receive credentials: a sender's SCM_UCRED without SO_RECVUCRED", none],
  ["receive credentials: a sender's SCM_UCRED on a stream", { rc: 0, words: { 0: 0 } }],
  // Cut control data: not one getter runs on it.
  ["receive credentials: the kernel's SCM_UCRED cut short (MSG_CTRUNC)", { rc: UC.TRUNCATED!, counters: { 'ucred getter': 0 } }],
  ['receive credentials: a ucred_t counting more groups than its bytes hold', none],
  ['receive credentials: a ucred_t whose credentials lie past its bytes', none],
  // 262 of the 300 fit after the sender's 2000-byte message; cmsg_len still counts 300: only those 262 are closed.
  ['receive fds: descriptors cut short keep their whole cmsg_len', { rc: UC.TRUNCATED!, log: receiveLog(os) + closeLog(range(100, 262)) }],
];

describe('solaris.c: passing', () => {
  const results = runScenarios({ packageDir, sources: ['src/solaris.c', 'test/c/passing.c', 'test/c/fake_ucred.c', 'test/c/fake_illumos_kernel.c'], standins: ['test/standin/solaris'], bsd: false, errno, defines });
  it.each(cases)('%s', (name, expected) => checkScenario(results, name, expected));
  it('runs no scenario without an expectation', () => expect(results.size).toBe(cases.length));
});

describe.runIf(process.platform !== 'sunos')('passing on another OS', () => {
  it('every call fails with ERR_UNIX_CRED_UNSUPPORTED naming Solaris and illumos', async () => {
    for (const failure of await passingOnAnotherOs(solaris.passing)) expect(failure).toMatch(/^ERR_UNIX_CRED_UNSUPPORTED: .*@unix-cred\/solaris works on Solaris and illumos only/);
  });
});
