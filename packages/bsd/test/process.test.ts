// Logic tests of getProcessCredentials in each BSD's file, compiled on Linux against stand-in headers
// (see packages/internal/test-support): getresuid/getresgid where the OS has them, none on NetBSD.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getProcessCredentials } from '../src/index.js';
import { bsdErrno, type DriverSpec } from '../../internal/test-support/c-driver.js';
import { describeProcessScenarios } from '../../internal/test-support/process-scenarios.js';
import { osFile, osStandins } from './os-files.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const spec = (define: string): DriverSpec => ({ packageDir, bsd: true, errno: bsdErrno, sources: [osFile(define), 'test/c/process.c'], standins: osStandins(define), defines: [define] });

describeProcessScenarios('FreeBSD', spec('__FreeBSD__=15'), true);
describeProcessScenarios('DragonFly', spec('__DragonFly__=1'), true);
describeProcessScenarios('OpenBSD', spec('__OpenBSD__=1'), true);
describeProcessScenarios('NetBSD', spec('__NetBSD__=1'), false);

describe.runIf(!['freebsd', 'openbsd', 'netbsd'].includes(process.platform))('on another OS', () => {
  it('getProcessCredentials throws ERR_UNIX_CRED_UNSUPPORTED', () => {
    expect(getProcessCredentials).toThrow(expect.objectContaining({ code: 'ERR_UNIX_CRED_UNSUPPORTED', message: expect.stringContaining('FreeBSD, DragonFly, OpenBSD and NetBSD only') }));
  });
});
