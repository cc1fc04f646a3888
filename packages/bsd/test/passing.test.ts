// Logic tests of the BSD passing files, compiled on Linux against stand-ins of each OS's headers with a fake
// kernel (see packages/internal/test-support) and, per OS, a model of its kernel (test/c/fake_*_kernel.c,
// docs/platforms.md 5.2 to 5.4): descriptor passing, every credential message each OS's kernel can attach, and what
// it makes of a sender's message. Then what every passing function does on another OS.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bsdErrno, checkScenario, runScenarios, UC, type DriverSpec, type Expected } from '../../internal/test-support/c-driver.js';
import { noMessageCases, passingCases, sendLog, sentCmsg, type PassingOs } from '../../internal/test-support/passing-cases.js';
import { passingOnAnotherOs } from '../../internal/test-support/other-os.js';
import * as bsd from '../src/index.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const spec = (sources: string[], standins: string[], define: string): DriverSpec => ({ packageDir, bsd: true, errno: bsdErrno, sources, standins, defines: [define] });
const os = (cloexec: number): PassingOs => ({ align: 8, cloexec, scmRights: 1, errno: bsdErrno });
const [MESSAGE, PID, GROUPS] = [1, 2, 4];
/** A credential message's result: euid 1001, egid 2001 in every scenario. */
const credentials = (flags: number, pid: number, groups: number[]): Expected => ({ rc: groups.length * 4, words: { 0: flags, 1: pid, 2: 1001, 3: 2001 }, groups });
const cmsgcredCases = (freebsd: PassingOs): [string, Expected][] => [
  ['send credentials', { rc: 1, log: sendLog(sentCmsg(freebsd, 0x03, 84), 1) }],
  ['enable: TCP', { rc: UC.NOT_UNIX!, log: '' }],
  ['receive credentials: cmsgcred', credentials(MESSAGE | PID | GROUPS, 4242, [2001, 5])],
  // Without groups there is no effective gid: the real one stands in.
  ['receive credentials: cmsgcred without groups', { rc: 0, words: { 0: MESSAGE | PID | GROUPS, 1: 4242, 2: 1001, 3: 2000 }, groups: [] }],
];
const freebsdSources = ['src/freebsd.c', 'test/c/freebsd_passing.c', 'test/c/fake_freebsd_kernel.c'];
const freebsdStandins = ['test/standin/freebsd', 'test/standin/freebsd-dragonfly'];
const NONE: Expected = { rc: 0, words: { 0: 0 } };
const SIXTEEN = Array.from({ length: 15 }, (_, i) => 100 + i);
/** The sender of every kernel-made message: pid 4242, supplementary groups 5 and 6, listed after its egid. */
const senders = (flags: number, pid: number): Expected => credentials(flags, pid, [2001, 5, 6]);
const localCreds = (persistentName: number | null): [string, Expected][] => [
  ['enable: a kernel before 13', { rc: 0, words: { 0: 1 }, log: (persistentName === null ? '' : `setsockopt level 0;name ${persistentName};value 1;`) + 'setsockopt level 0;name 2;value 1;' }],
  ['receive credentials: sockcred, told by its size', credentials(MESSAGE | GROUPS, 0, [2001, 5])],
  // The kernel cleared LOCAL_CREDS when it sent: the message's size tells what it is, not the flag.
  ["receive credentials: LOCAL_CREDS's sockcred, the flag cleared at send", senders(MESSAGE | GROUPS, 0)],
  // 84 bytes: a cmsgcred would read the same. Neither is believed (the peer's credentials stand in on a stream).
  ["receive credentials: LOCAL_CREDS's sockcred of 16 groups, 84 bytes like a cmsgcred", NONE],
  ["receive credentials: the kernel's cmsgcred, whatever the sender wrote", senders(MESSAGE | PID | GROUPS, 4242)],
  ['receive credentials: a cmsgcred of 16 groups, 84 bytes like a sockcred', NONE],
];
const freebsd13 = (): [string, Expected][] => [
  ...localCreds(3),
  ['enable', { rc: 0, words: { 0: 1 }, log: 'setsockopt level 0;name 3;value 1;' }],
  ['receive credentials: sockcred2', senders(MESSAGE | PID | GROUPS, 4242)],
  ['receive credentials: sockcred2 of another version', NONE],
  ['receive credentials: sockcred2 claiming more groups than it holds', senders(MESSAGE | PID | GROUPS, 4242)],
  ["receive credentials: LOCAL_CREDS_PERSISTENT's sockcred2 before the sender's cmsgcred", senders(MESSAGE | PID | GROUPS, 4242)],
];
const freebsd = (release: number, cases: [string, Expected][]) => ({
  os: `FreeBSD ${release}`,
  spec: spec(freebsdSources, freebsdStandins, `__FreeBSD__=${release}`),
  cases: [...passingCases(os(0x40000)), ...cmsgcredCases(os(0x40000)), ...cases],
});

const oses: { os: string; spec: DriverSpec; cases: [string, Expected][] }[] = [
  // 15 lists only supplementary groups in a sockcred; 14 the egid first; 12 has neither LOCAL_CREDS_PERSISTENT nor sockcred2.
  freebsd(15, freebsd13()),
  freebsd(14, freebsd13()),
  freebsd(12, [...localCreds(null), ['enable', { rc: 0, words: { 0: 1 }, log: 'setsockopt level 0;name 2;value 1;' }]]),
  {
    os: 'DragonFly',
    spec: spec(freebsdSources, freebsdStandins.slice(1), '__DragonFly__=1'),
    cases: [
      ...passingCases(os(0x1000)),
      ...cmsgcredCases(os(0x1000)),
      // SO_PASSCRED acts on datagrams only (uipc_send): on a stream it is not set, nor reported.
      ['enable', { rc: 0, words: { 0: 0 }, log: '' }],
      ['enable: a datagram socket', { rc: 0, words: { 0: 1 }, log: 'setsockopt level 65535;name 16384;value 1;' }],
      ["receive credentials: SO_PASSCRED's cmsgcred on a datagram", senders(MESSAGE | PID | GROUPS, 4242)],
      ['receive credentials: SO_PASSCRED adds nothing on a stream', NONE],
      ["receive credentials: the kernel's cmsgcred, whatever the sender wrote", senders(MESSAGE | PID | GROUPS, 4242)],
      // DragonFly has no sockcred: 84 bytes are a cmsgcred.
      ['receive credentials: a cmsgcred of 16 groups, 84 bytes like a sockcred', credentials(MESSAGE | PID | GROUPS, 4242, [2001, ...SIXTEEN])],
    ],
  },
  {
    os: 'NetBSD',
    spec: spec(['src/netbsd.c', 'test/c/netbsd_passing.c', 'test/c/fake_netbsd_kernel.c'], ['test/standin/netbsd'], '__NetBSD__=1'),
    cases: [
      ...passingCases(os(0x800)),
      ...noMessageCases.filter(([name]) => name !== 'enable'),
      ['enable', { rc: 0, words: { 0: 1 }, log: 'setsockopt level 0;name 4;value 1;' }],
      ['receive credentials: sockcred', credentials(MESSAGE | PID | GROUPS, 4242, [2001, 5])],
      // kauth lists the supplementary groups only: the egid is put first, as everywhere in this package.
      ["receive credentials: LOCAL_CREDS's sockcred, supplementary groups only", senders(MESSAGE | PID | GROUPS, 4242)],
    ],
  },
  {
    os: 'OpenBSD',
    spec: spec(['src/openbsd.c', 'test/c/openbsd_passing.c'], ['test/standin/openbsd'], '__OpenBSD__=1'),
    cases: [...passingCases(os(0x800)), ...noMessageCases],
  },
];

for (const { os: name, spec: driverSpec, cases } of oses) {
  describe(`${name} passing`, () => {
    const results = runScenarios(driverSpec);
    it.each(cases)('%s', (scenario, expected) => checkScenario(results, scenario, expected));
    it('runs no scenario without an expectation', () => expect(results.size).toBe(cases.length));
  });
}

describe.runIf(!['freebsd', 'openbsd', 'netbsd'].includes(process.platform))('passing on another OS', () => {
  it('every call fails with ERR_UNIX_CRED_UNSUPPORTED naming the OSes served', async () => {
    for (const failure of await passingOnAnotherOs(bsd.passing)) expect(failure).toMatch(/^ERR_UNIX_CRED_UNSUPPORTED: .*FreeBSD, DragonFly, OpenBSD and NetBSD only/);
  });
});
