import { describe, expect, it } from 'vitest';
import { failuresOnAnotherOs } from '../../internal/test-support/other-os.js';
import { getPeerUcred } from '../src/index.js';

describe.runIf(process.platform !== 'sunos')('on another OS', () => {
  it('imports, and every call throws ERR_UNIX_CRED_UNSUPPORTED naming Solaris and illumos', async () => {
    const withInet = (socket: never) => getPeerUcred(socket, { allowInet: true });
    for (const failure of await failuresOnAnotherOs([getPeerUcred, withInet])) {
      expect(failure).toMatch(/^ERR_UNIX_CRED_UNSUPPORTED: .*@unix-cred\/solaris works on Solaris and illumos only/);
    }
  });
});

describe('options', () => {
  it('allowInet must be a boolean, options an object: ERR_INVALID_ARG_TYPE before any system call', () => {
    expect(() => getPeerUcred(0, { allowInet: 1 as never })).toThrow(expect.objectContaining({ code: 'ERR_INVALID_ARG_TYPE' }));
    expect(() => getPeerUcred(0, 'inet' as never)).toThrow(expect.objectContaining({ code: 'ERR_INVALID_ARG_TYPE' }));
  });
});
