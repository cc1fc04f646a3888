// Logic tests of darwin.c, compiled on Linux against stand-ins of macOS's headers (see
// packages/internal/test-support), and the API objects the package decodes from its answers.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bsdErrno, checkScenario, peerOptionCases, runScenarios, UC, xucredCases, type Expected } from '../../internal/test-support/c-driver.js';
import { decodeXucred, decodeXucredPid } from '../src/decode.js';

// macOS has the 4.4BSD numbers, but for EOPNOTSUPP (102 with __DARWIN_UNIX03, the default).
const errno = { ...bsdErrno, EOPNOTSUPP: 102 };
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const sources = ['src/darwin.c', 'test/c/darwin.c'];
const results = runScenarios({ packageDir, sources, standins: ['test/standin/darwin'], bsd: true, errno, defines: ['__APPLE__=1', '__MACH__=1'] });

const cases: [string, Expected][] = [
  ...xucredCases(0, errno),
  ...peerOptionCases('pid', { rc: 0, words: { 0: 4242 } }, errno),
  ...peerOptionCases('effective pid', { rc: 0, words: { 0: 777 } }, errno),
  ['xucred and pid', { rc: 12, words: { 0: 4242, 1: 1001, 2: 1002 }, groups: [1002, 0, 5] }],
  ['xucred and pid: TCP', { rc: UC.NOT_UNIX!, counters: { getsockopt: 2 } }],
  ['xucred and pid: listening', { rc: UC.LISTENING!, counters: { getsockopt: 1 } }],
  ['xucred and pid: the peer went away in between', { rc: UC.NO_PEER! }],
];

describe('darwin.c', () => {
  it.each(cases)('%s', (name, expected) => checkScenario(results, name, expected));
  it('runs no scenario without an expectation', () => expect(results.size).toBe(cases.length));
  it('decodes to the API objects: xucred has no pid, LOCAL_PEERPID gives it', () => {
    const { words, groups } = results.get('xucred and pid')!;
    expect(decodeXucred(words, groups)).toEqual({ pid: null, uid: 1001, gid: 1002, groups: [1002, 0, 5] });
    expect(decodeXucredPid(words, groups)).toEqual({ pid: 4242, uid: 1001, gid: 1002, groups: [1002, 0, 5] });
  });
});
