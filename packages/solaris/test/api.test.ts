import { describe, expect, it } from 'vitest';
import { failuresOnAnotherOs } from '../../internal/test-support/other-os.js';
import { getPeerUcred } from '../src/index.js';

describe.runIf(process.platform !== 'sunos')('on another OS', () => {
  it('imports, and every call throws ERR_UNIX_CRED_UNSUPPORTED naming Solaris and illumos', async () => {
    for (const failure of await failuresOnAnotherOs([getPeerUcred])) {
      expect(failure).toMatch(/^ERR_UNIX_CRED_UNSUPPORTED: .*@unix-cred\/solaris works on Solaris and illumos only/);
    }
  });
});
