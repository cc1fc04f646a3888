import { describe, expect, it } from 'vitest';
import { failuresOnAnotherOs } from '../../internal/test-support/other-os.js';
import { getUcred, getXucred, hasXucred } from '../src/index.js';
import { decodeUcred, decodeXucred } from '../src/decode.js';

describe('decoding the native words', () => {
  it('xucred: pid, euid, egid and the groups', () => {
    expect(decodeXucred(Uint32Array.of(4242, 1001, 1002), [1002, 0, 5])).toEqual({ pid: 4242, uid: 1001, gid: 1002, groups: [1002, 0, 5] });
  });
  it('xucred: pid 0 (DragonFly, FreeBSD 12, a 32-bit caller) is null', () => {
    expect(decodeXucred(Uint32Array.of(0, 0, 0), [0]).pid).toBeNull();
  });
  it('ids above 2^31 stay unsigned', () => {
    expect(decodeUcred(Uint32Array.of(7, 4294967294, 2147483648))).toEqual({ pid: 7, uid: 4294967294, gid: 2147483648 });
  });
});

describe.runIf(!['freebsd', 'openbsd', 'netbsd'].includes(process.platform))('on another OS', () => {
  it('imports, and says this OS has no xucred', () => expect(hasXucred).toBe(false));
  it('every call throws ERR_UNIX_CRED_UNSUPPORTED naming the OSes served', async () => {
    for (const failure of await failuresOnAnotherOs([getXucred, getUcred])) {
      expect(failure).toMatch(/^ERR_UNIX_CRED_UNSUPPORTED: .*FreeBSD, DragonFly, OpenBSD and NetBSD only/);
    }
  });
});
