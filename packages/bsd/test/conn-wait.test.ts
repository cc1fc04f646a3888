// setConnWait: each BSD file's connWait compiled on Linux against stand-ins of each BSD's headers (see
// packages/internal/test-support), for the releases that have LOCAL_CONNWAIT and those that do not; then what
// the function checks before any system call, and what it does on another OS.
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bsdErrno, checkScenario, runScenarios, UC, type DriverSpec, type Expected } from '../../internal/test-support/c-driver.js';
import { failuresOnAnotherOs } from '../../internal/test-support/other-os.js';
import { setConnWait } from '../src/index.js';
import { osFile } from './os-files.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const spec = (standins: string[], define: string): DriverSpec => ({ packageDir, bsd: true, errno: bsdErrno, sources: [osFile(define), 'test/c/connwait.c'], standins, defines: [define] });
const set = (name: number, value: number): string => `setsockopt level 0;name ${name};value ${value};`;

/** What each scenario answers where the OS has LOCAL_CONNWAIT (its number), or where it has not (null). */
function cases(option: number | null): [string, Expected][] {
  const unsupported: Expected = { rc: UC.UNSUPPORTED!, log: '' };
  if (option === null) {
    return ['on', 'off', 'TCP: nothing set', 'a kernel without it (EOPNOTSUPP)', 'another failure (EINVAL)', 'bad descriptor'].map((name) => [name, unsupported]);
  }
  return [
    ['on', { rc: 0, log: set(option, 1) }],
    ['off', { rc: 0, log: set(option, 0) }],
    ['TCP: nothing set', { rc: UC.NOT_UNIX!, log: '' }],
    ['a kernel without it (EOPNOTSUPP)', { rc: UC.UNSUPPORTED!, log: set(option, 1) }],
    ['another failure (EINVAL)', { rc: -bsdErrno.EINVAL!, log: set(option, 1) }],
    ['bad descriptor', { rc: -bsdErrno.EBADF!, log: '' }],
  ];
}

const freebsdStandins = ['test/standin/freebsd', 'test/standin/freebsd-dragonfly'];
const oses = [
  { os: 'FreeBSD 14', spec: spec(freebsdStandins, '__FreeBSD__=14'), cases: cases(4) },
  { os: 'FreeBSD 15 (its headers dropped LOCAL_CONNWAIT)', spec: spec(freebsdStandins, '__FreeBSD__=15'), cases: cases(null) },
  { os: 'NetBSD', spec: spec(['test/standin/netbsd'], '__NetBSD__=1'), cases: cases(2) },
  { os: 'DragonFly', spec: spec(freebsdStandins.slice(1), '__DragonFly__=1'), cases: cases(null) },
  { os: 'OpenBSD', spec: spec(['test/standin/openbsd'], '__OpenBSD__=1'), cases: cases(null) },
];

for (const { os, spec: driverSpec, cases: expected } of oses) {
  describe(`connWait on ${os}`, () => {
    const results = runScenarios(driverSpec);
    it.each(expected)('%s', (name, answer) => checkScenario(results, name, answer));
    it('runs no scenario without an expectation', () => expect(results.size).toBe(expected.length));
  });
}

describe('setConnWait arguments', () => {
  it('on must be a boolean; a server must be listening', () => {
    expect(() => setConnWait(0, 1 as never)).toThrow(expect.objectContaining({ code: 'ERR_INVALID_ARG_TYPE' }));
    expect(() => setConnWait(-1, true)).toThrow(expect.objectContaining({ code: 'ERR_OUT_OF_RANGE' }));
    expect(() => setConnWait(net.createServer(), true)).toThrow(expect.objectContaining({ code: 'ERR_INVALID_STATE' }));
  });
});

describe.runIf(!['freebsd', 'openbsd', 'netbsd'].includes(process.platform))('on another OS', () => {
  it('throws ERR_UNIX_CRED_UNSUPPORTED naming the OSes served', async () => {
    for (const failure of await failuresOnAnotherOs([(socket: never) => setConnWait(socket, true)])) {
      expect(failure).toMatch(/^ERR_UNIX_CRED_UNSUPPORTED: .*FreeBSD, DragonFly, OpenBSD and NetBSD only/);
    }
  });
});
