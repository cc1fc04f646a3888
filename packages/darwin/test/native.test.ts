// Logic tests of darwin.c and darwin_identity.c, compiled on Linux against stand-ins of macOS's headers (see
// packages/internal/test-support), and the API objects the package decodes from their answers.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bsdErrno, checkScenario, peerOptionCases, runScenarios, UC, xucredCases, type Expected } from '../../internal/test-support/c-driver.js';
import { decodeAuditToken, decodeUuid, decodeXucred, decodeXucredPid } from '../src/decode.js';

// macOS has the 4.4BSD numbers, but for EOPNOTSUPP (102 with __DARWIN_UNIX03, the default).
const errno = { ...bsdErrno, EOPNOTSUPP: 102 };
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const sources = ['src/darwin.c', 'test/c/darwin.c'];
const spec = { packageDir, standins: ['test/standin/darwin'], bsd: true, errno, defines: ['__APPLE__=1', '__MACH__=1'] };
const results = runScenarios({ ...spec, sources });

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

describe('darwin_identity.c', () => {
  const identities = runScenarios({ ...spec, sources: ['src/darwin_identity.c', 'test/c/darwin_identity.c'] });
  const uuid = Buffer.from('123456789abcdef00fedcba987654321', 'hex');
  const effectiveUuid = Buffer.from('a1b2c3d4e5f6470899aabbccddeeff00', 'hex');
  const token = Buffer.from(Uint32Array.of(501, 502, 20, 503, 21, 4242, 100007, 7).buffer);
  const identityCases: [string, Expected][] = [
    ...peerOptionCases('uuid', { rc: 16, raw: uuid }, errno),
    ...peerOptionCases('effective uuid', { rc: 16, raw: effectiveUuid }, errno),
    // EINVAL is also what LOCAL_PEERTOKEN answers once the process is gone: ENOTCONN (NO_PEER) for the caller.
    ...peerOptionCases('audit token', { rc: 32, raw: token }, errno),
  ];
  it.each(identityCases)('%s', (name, expected) => checkScenario(identities, name, expected));
  it('runs no scenario without an expectation', () => expect(identities.size).toBe(identityCases.length));
  it('decodes a UUID to the canonical lowercase string, as uuid_unparse_lower', () => {
    expect(decodeUuid(identities.get('uuid: normal')!.raw)).toBe('12345678-9abc-def0-0fed-cba987654321');
    expect(decodeUuid(identities.get('effective uuid: normal')!.raw)).toBe('a1b2c3d4-e5f6-4708-99aa-bbccddeeff00');
  });
  it('decodes an audit token as audit_token_to_pid/euid/egid: val[5], val[1], val[2]', () => {
    expect(decodeAuditToken(identities.get('audit token: normal')!.raw)).toEqual({ token, pid: 4242, euid: 502, egid: 20 });
  });
});
