// Logic tests of the BSD C files, compiled on Linux against stand-ins of each OS's headers (see
// packages/internal/test-support): every answer and failure a kernel can give, what the op makes of it,
// and the API object the package decodes from it.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bsdErrno, checkScenario, peerOptionCases, runScenarios, xucredCases, type DriverSpec, type ScenarioResult } from '../../internal/test-support/c-driver.js';
import { decodeUcred, decodeXucred } from '../src/decode.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const spec = (sources: string[], standins: string[], define: string): DriverSpec => ({ packageDir, bsd: true, errno: bsdErrno, sources, standins, defines: [define] });
const ucred = { pid: 4242, uid: 1001, gid: 1002 };
const xucred = (r: ScenarioResult) => decodeXucred(r.words, r.groups);

const oses = [
  {
    os: 'FreeBSD',
    spec: spec(['src/freebsd.c', 'test/c/freebsd.c'], ['test/standin/freebsd', 'test/standin/freebsd-dragonfly'], '__FreeBSD__=15'),
    cases: xucredCases(4242, bsdErrno),
    api: { scenario: 'xucred: normal', decode: xucred, expected: { ...ucred, groups: [1002, 0, 5] } },
  },
  {
    os: 'DragonFly',
    spec: spec(['src/freebsd.c', 'test/c/freebsd.c'], ['test/standin/freebsd-dragonfly'], '__DragonFly__=1'),
    cases: xucredCases(0, bsdErrno),
    api: { scenario: 'xucred: normal', decode: xucred, expected: { ...ucred, pid: null, groups: [1002, 0, 5] } },
  },
  {
    os: 'OpenBSD',
    spec: spec(['src/openbsd.c', 'test/c/openbsd.c'], ['test/standin/openbsd'], '__OpenBSD__=1'),
    cases: peerOptionCases('ucred', { rc: 0, words: { 0: 4242, 1: 1001, 2: 1002 } }, bsdErrno),
    api: { scenario: 'ucred: normal', decode: (r: ScenarioResult) => decodeUcred(r.words), expected: ucred },
  },
  {
    os: 'NetBSD',
    spec: spec(['src/netbsd.c', 'test/c/netbsd.c'], ['test/standin/netbsd'], '__NetBSD__=1'),
    cases: peerOptionCases('ucred', { rc: 0, words: { 0: 4242, 1: 1001, 2: 1002 } }, bsdErrno),
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
