// Logic tests of the BSD C files, compiled on Linux against stand-ins of each OS's headers (see
// packages/internal/test-support): every answer and failure a kernel can give, what the op makes of it,
// and the API object the package decodes from it.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bsdErrno, checkScenario, modelCases, peerOptionCases, runScenarios, UC, xucredCases, type DriverSpec, type Expected, type ModelExpectations, type ScenarioResult } from '../../internal/test-support/c-driver.js';
import { decodeUcred, decodeXucred } from '../src/decode.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const spec = (sources: string[], standins: string[], define: string): DriverSpec => ({ packageDir, bsd: true, errno: bsdErrno, sources, standins, defines: [define] });
const ucred = { pid: 4242, uid: 1001, gid: 1002 };
const xucred = (r: ScenarioResult) => decodeXucred(r.words, r.groups);

// What the contract (docs/api.md) asks of every peer query in each socket state, given the peer's ids: a
// listener, an unconnected or datagram socket is "no peer" (ENOTCONN), never answered with anyone's ids, and asked
// with one getsockopt (these kernels refuse a listener themselves: docs/platforms.md section 3); the ids of a
// connection outlive the peer; TCP is not a unix socket.
const noPeer: Expected = { rc: UC.NO_PEER! };
const refused: Expected = { rc: UC.NO_PEER!, counters: { getsockopt: 1 } };
const contract = (ids: Expected, socketpair: Expected): ModelExpectations => ({
  connected: { ...ids, counters: { getsockopt: 1, getsockname: 0 } },
  listening: refused,
  unconnected: noPeer,
  datagram: noPeer,
  socketpair,
  peerClosed: ids,
  tcp: { rc: UC.NOT_UNIX! },
});
const xucredIds: Expected = { rc: 12, words: { 0: 4242, 1: 1001, 2: 1002 }, groups: [1002, 0, 5] };
const dragonflyIds: Expected = { ...xucredIds, words: { 0: 0, 1: 1001, 2: 1002 } };
const ucredIds: Expected = { rc: 0, words: { 0: 4242, 1: 1001, 2: 1002 } };

const oses = [
  {
    os: 'FreeBSD',
    spec: spec(['src/freebsd.c', 'test/c/freebsd.c'], ['test/standin/freebsd', 'test/standin/freebsd-dragonfly'], '__FreeBSD__=15'),
    cases: [...xucredCases(4242, bsdErrno), ...modelCases('xucred on FreeBSD', contract(xucredIds, xucredIds))],
    api: { scenario: 'xucred: normal', decode: xucred, expected: { ...ucred, groups: [1002, 0, 5] } },
  },
  {
    // FreeBSD 12's headers have no cr_pid: the file builds, and reports no pid.
    os: 'FreeBSD 12',
    spec: spec(['src/freebsd.c', 'test/c/freebsd.c'], ['test/standin/freebsd', 'test/standin/freebsd-dragonfly'], '__FreeBSD__=12'),
    cases: [...xucredCases(0, bsdErrno), ...modelCases('xucred on FreeBSD', contract(dragonflyIds, dragonflyIds))],
    api: { scenario: 'xucred: normal', decode: xucred, expected: { ...ucred, pid: null, groups: [1002, 0, 5] } },
  },
  {
    os: 'DragonFly',
    spec: spec(['src/freebsd.c', 'test/c/freebsd.c'], ['test/standin/freebsd-dragonfly'], '__DragonFly__=1'),
    // DragonFly's socketpair holds no ids (docs/platforms.md section 10): ENOTCONN, found as an AF_UNIX socket
    // also before 5.4, whose getsockname answers an unbound socket with an empty name (section 4).
    cases: [
      ...xucredCases(0, bsdErrno),
      ...modelCases('xucred on DragonFly 5.2', contract(dragonflyIds, noPeer)),
      ...modelCases('xucred on DragonFly 5.4', contract(dragonflyIds, noPeer)),
    ],
    api: { scenario: 'xucred: normal', decode: xucred, expected: { ...ucred, pid: null, groups: [1002, 0, 5] } },
  },
  {
    os: 'OpenBSD',
    spec: spec(['src/openbsd.c', 'test/c/openbsd.c'], ['test/standin/openbsd'], '__OpenBSD__=1'),
    cases: [
      ...peerOptionCases('ucred', ucredIds, bsdErrno),
      ...modelCases('ucred on OpenBSD (old)', contract(ucredIds, ucredIds)),
      ...modelCases('ucred on OpenBSD', contract(ucredIds, ucredIds)),
    ],
    api: { scenario: 'ucred: normal', decode: (r: ScenarioResult) => decodeUcred(r.words), expected: ucred },
  },
  {
    os: 'NetBSD',
    spec: spec(['src/netbsd.c', 'test/c/netbsd.c'], ['test/standin/netbsd'], '__NetBSD__=1'),
    // NetBSD's socketpair has no ids (EINVAL: unp_ctloutput).
    cases: [...peerOptionCases('ucred', ucredIds, bsdErrno), ...modelCases('ucred on NetBSD', contract(ucredIds, noPeer))],
    api: { scenario: 'ucred: normal', decode: (r: ScenarioResult) => decodeUcred(r.words), expected: ucred },
  },
];

for (const { os, spec, cases, api } of oses) {
  describe(os, () => {
    const results = runScenarios(spec);
    it.each(cases)('%s', (name, expected) => checkScenario(results, name, expected));
    it('runs no scenario without an expectation', () => expect(results.size).toBe(cases.length));
    it(`decodes "${api.scenario}" to the API object`, () => expect(api.decode(results.get(api.scenario)!)).toEqual(api.expected));
  });
}
