// Logic tests of darwin.c (peer credentials and identities), compiled on Linux against stand-ins of macOS's headers (see
// packages/internal/test-support), and the API objects the package decodes from their answers.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkScenario, darwinErrno, modelCases, peerOptionCases, runScenarios, UC, xucredCases, type Expected, type ModelExpectations } from '../../internal/test-support/c-driver.js';
import { decodeAuditToken, decodeUuid, decodeXucred, decodeXucredPid } from '../src/decode.js';

const errno = darwinErrno;
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const sources = ['src/darwin.c', 'test/c/darwin.c'];
const spec = { packageDir, standins: ['test/standin/darwin'], bsd: true, errno, defines: ['__APPLE__=1', '__MACH__=1'] };
const results = runScenarios({ ...spec, sources });

// What the contract (docs/api.md) asks in each socket state, on xnu as its source says (docs/platforms.md sections
// 1.1 to 3): no SO_ACCEPTCONN call (xnu has none); a listener, an unconnected or datagram socket is "no peer"; the
// xucred outlives the peer, whose pid options then answer ENOTCONN; TCP is not a unix socket.
const noPeer: Expected = { rc: UC.NO_PEER! };
const onXnu = (ids: Expected, afterClose: Expected): ModelExpectations => ({
  connected: ids,
  listening: { rc: UC.NO_PEER!, counters: { getsockopt: 1 } },
  unconnected: noPeer,
  datagram: noPeer,
  socketpair: ids,
  peerClosed: afterClose,
  tcp: { rc: UC.NOT_UNIX! },
});
const xucredIds: Expected = { rc: 12, words: { 1: 1001, 2: 1002 }, groups: [1002, 0, 5], counters: { getsockopt: 1 } };
const xucredPid: Expected = { rc: 12, words: { 0: 4242, 1: 1001, 2: 1002 }, groups: [1002, 0, 5], counters: { getsockopt: 2 } };
// The peer closed: the xucred stays and the pid is unknown (0, reported as null).
const xucredNoPid: Expected = { ...xucredPid, words: { 0: 0, 1: 1001, 2: 1002 }, counters: { getsockopt: 2 } };

const cases: [string, Expected][] = [
  ...xucredCases(0, errno),
  ...peerOptionCases('pid', { rc: 0, words: { 0: 4242 } }, errno),
  ...peerOptionCases('effective pid', { rc: 0, words: { 0: 777 } }, errno),
  ['xucred and pid', { rc: 12, words: { 0: 4242, 1: 1001, 2: 1002 }, groups: [1002, 0, 5] }],
  ['xucred and pid: TCP', { rc: UC.NOT_UNIX!, counters: { getsockopt: 1 } }],
  ['xucred and pid: the peer went away in between', { rc: 12, words: { 0: 0, 1: 1001, 2: 1002 }, groups: [1002, 0, 5] }],
  ...modelCases('xucred on xnu', onXnu(xucredIds, xucredIds)),
  ...modelCases('xucred and pid on xnu', onXnu(xucredPid, xucredNoPid)),
  ...modelCases('pid on xnu', onXnu({ rc: 0, words: { 0: 4242 } }, noPeer)),
  ...modelCases('effective pid on xnu', onXnu({ rc: 0, words: { 0: 777 } }, noPeer)),
];

describe('darwin.c', () => {
  it.each(cases)('%s', (name, expected) => checkScenario(results, name, expected));
  it('runs no scenario without an expectation', () => expect(results.size).toBe(cases.length));
  it('decodes to the API objects: xucred has no pid, LOCAL_PEERPID gives it', () => {
    const { words, groups } = results.get('xucred and pid')!;
    expect(decodeXucred(words, groups)).toEqual({ pid: null, uid: 1001, gid: 1002, groups: [1002, 0, 5] });
    expect(decodeXucredPid(words, groups)).toEqual({ pid: 4242, uid: 1001, gid: 1002, groups: [1002, 0, 5] });
  });
  it('decodes the xucred of a closed peer with pid null', () => {
    const { words, groups } = results.get('xucred and pid on xnu: peer closed')!;
    expect(decodeXucredPid(words, groups)).toEqual({ pid: null, uid: 1001, gid: 1002, groups: [1002, 0, 5] });
  });
});

describe('darwin.c: identities', () => {
  const identities = runScenarios({ ...spec, sources: ['src/darwin.c', 'test/c/identity.c'] });
  const uuid = Buffer.from('123456789abcdef00fedcba987654321', 'hex');
  const effectiveUuid = Buffer.from('a1b2c3d4e5f6470899aabbccddeeff00', 'hex');
  const token = Buffer.from(Uint32Array.of(501, 502, 20, 503, 21, 4242, 100007, 7).buffer);
  const identityCases: [string, Expected][] = [
    ...peerOptionCases('uuid', { rc: 16, raw: uuid }, errno),
    ...peerOptionCases('effective uuid', { rc: 16, raw: effectiveUuid }, errno),
    // EINVAL is also what LOCAL_PEERTOKEN answers once the process is gone: ENOTCONN (NO_PEER) for the caller.
    ...peerOptionCases('audit token', { rc: 32, raw: token }, errno),
    ...modelCases('uuid on xnu', onXnu({ rc: 16, raw: uuid }, noPeer)),
    ...modelCases('audit token on xnu', onXnu({ rc: 32, raw: token }, noPeer)),
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
