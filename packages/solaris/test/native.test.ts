// Logic tests of solaris.c, compiled on Linux against stand-ins of illumos's headers with a fake libc
// ucred (see packages/internal/test-support), and the API objects the package decodes from its answers.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkScenario, illumosErrno, modelCases, runScenarios, UC, type Expected } from '../../internal/test-support/c-driver.js';
import { decodePeerUcred, effectiveCredentials } from '../src/decode.js';

const errno = illumosErrno;
// What the compiler predefines on illumos, and what binding.gyp adds.
const defines = ['__sun=1', '__SVR4=1', '_XOPEN_SOURCE=600', '__EXTENSIONS__'];
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const results = runScenarios({ packageDir, sources: ['src/solaris.c', 'test/c/solaris.c', 'test/c/fake_ucred.c'], standins: ['test/standin/solaris'], bsd: false, errno, defines });

const ids = { 1: 4242, 2: 1000, 3: 1001, 4: 1002, 5: 2000, 6: 2001, 7: 2002 };
const allKnown = 0x7f;
const freedOnce = { getpeerucred: 1, 'ucred_t allocated': 1, ucred_free: 1 };
const notCalled = { getpeerucred: 0, ucred_free: 0 };
const cases: [string, Expected][] = [
  ['normal', { rc: 8, words: { 0: allKnown, ...ids }, groups: [10, 20], counters: freedOnce }],
  ['pid unknown (a peer in another zone)', { rc: 8, words: { 0: allKnown & ~(1 << 0) }, counters: freedOnce }],
  ['saved ids unknown', { rc: 8, words: { 0: allKnown & ~(1 << 3) & ~(1 << 6) }, counters: freedOnce }],
  ['no ids or groups', { rc: 0, words: { 0: 1 << 0 }, counters: freedOnce }],
  ['no supplementary groups', { rc: 0, words: { 0: allKnown }, counters: freedOnce }],
  ['1100 groups, past the inline buffer', { rc: 4400, words: { 0: allKnown }, counters: freedOnce }],
  ['no memory for the groups', { rc: UC.NO_MEMORY!, counters: freedOnce }],
  ['peer credentials unknown (EINVAL)', { rc: UC.NO_PEER!, counters: { getpeerucred: 1, 'ucred_t allocated': 0, ucred_free: 0 } }],
  ['unconnected (ENOTCONN)', { rc: UC.NO_PEER!, counters: { getpeerucred: 1, ucred_free: 0 } }],
  ['not supported on this descriptor (ENOTSUP: connectionless, no peer)', { rc: UC.NO_PEER!, counters: { getpeerucred: 1, ucred_free: 0 } }],
  ['TCP, which getpeerucred would answer', { rc: UC.NOT_UNIX!, counters: notCalled }],
  ['listening', { rc: UC.LISTENING!, counters: notCalled }],
  ['verified handle skips the listening check', { rc: 8, words: { 0: allKnown, ...ids }, counters: freedOnce }],
  ['bad descriptor', { rc: -errno.EBADF, counters: notCalled }],
  ['not a socket, verified handle', { rc: -errno.ENOTSOCK, counters: notCalled }],
  ['TCP over IPv6, which getpeerucred would answer', { rc: UC.NOT_UNIX!, counters: notCalled }],
  // getPeerUcred(socket, { allowInet: true }): local TCP peers too, over IPv4 and IPv6.
  ['inet allowed: TCP', { rc: 8, words: { 0: allKnown, ...ids }, groups: [10, 20], counters: freedOnce }],
  ['inet allowed: TCP over IPv6', { rc: 8, words: { 0: allKnown, ...ids }, groups: [10, 20], counters: freedOnce }],
  ['inet allowed: AF_UNIX', { rc: 8, words: { 0: allKnown, ...ids }, counters: freedOnce }],
  ['inet allowed: a remote TCP peer (EINVAL)', { rc: UC.NO_PEER!, counters: { getpeerucred: 1, ucred_free: 0 } }],
  ['inet allowed: another family', { rc: UC.NOT_UNIX!, counters: notCalled }],
  ['inet allowed: listening', { rc: UC.LISTENING!, counters: notCalled }],
  // illumos as its sockfs answers (models/illumos.h): the solaris build still asks SO_ACCEPTCONN first (Oracle
  // Solaris's source cannot be read); a datagram socket (ENOTSUP: connectionless) has no peer, as on every OS.
  ...modelCases('ucred on illumos', {
    connected: { rc: 8, words: { 0: allKnown, ...ids }, groups: [10, 20], counters: { getsockopt: 1, ...freedOnce } },
    listening: { rc: UC.LISTENING!, counters: { getsockopt: 1, ...notCalled } },
    unconnected: { rc: UC.NO_PEER!, counters: { getpeerucred: 1, ucred_free: 0 } },
    datagram: { rc: UC.NO_PEER!, counters: { getpeerucred: 1, ucred_free: 0 } },
    socketpair: { rc: 8, words: { 0: allKnown, ...ids }, counters: freedOnce },
    peerClosed: { rc: 8, words: { 0: allKnown, ...ids }, counters: freedOnce },
    tcp: { rc: UC.NOT_UNIX!, counters: notCalled },
  }),
];

describe('solaris.c', () => {
  it.each(cases)('%s', (name, expected) => checkScenario(results, name, expected));
  it('runs no scenario without an expectation', () => expect(results.size).toBe(cases.length));

  it.each([...results])('%s: every ucred_t allocated is freed once, never reused, never NULL', (_, result) => {
    const count = (name: string) => result.counters[name] ?? 0;
    expect(count('ucred_free')).toBe(count('ucred_t allocated'));
    expect(count('ucred_free')).toBeLessThanOrEqual(1);
    expect(count('ucred_t reused') + count('ucred_free(NULL)')).toBe(0);
  });

  it('grows the result past the inline buffer for many groups, and only then', () => {
    const { heap, groups, counters } = results.get('1100 groups, past the inline buffer')!;
    expect(results.get('normal')!.counters.malloc).toBeUndefined();
    expect(counters.malloc).toBe(1);
    expect(heap).toBe(true);
    expect(groups.length).toBe(1100);
    expect(groups.at(-1)).toBe(1099);
  });
});

describe('decoding', () => {
  const decoded = (name: string) => decodePeerUcred(results.get(name)!.words, results.get(name)!.groups);

  it('every field the OS reports', () => {
    expect(decoded('normal')).toEqual({ pid: 4242, ruid: 1000, euid: 1001, suid: 1002, rgid: 2000, egid: 2001, sgid: 2002, groups: [10, 20] });
  });

  it('a field reported as -1 is null, never 4294967295', () => {
    expect(decoded('pid unknown (a peer in another zone)').pid).toBeNull();
    expect(decoded('saved ids unknown')).toMatchObject({ suid: null, sgid: null, euid: 1001, egid: 2001 });
    expect(decoded('no ids or groups')).toEqual({ pid: 4242, ruid: null, euid: null, suid: null, rgid: null, egid: null, sgid: null, groups: [] });
  });

  it('the unified view: effective ids; none reported is ENOTCONN', () => {
    expect(effectiveCredentials(decoded('pid unknown (a peer in another zone)'))).toEqual({ pid: null, uid: 1001, gid: 2001, groups: [10, 20] });
    expect(() => effectiveCredentials(decoded('no ids or groups'))).toThrow(expect.objectContaining({ code: 'ENOTCONN', syscall: 'getpeerucred' }));
  });
});
