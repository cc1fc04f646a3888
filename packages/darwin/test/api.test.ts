import { describe, expect, it } from 'vitest';
import { failuresOnAnotherOs } from '../../internal/test-support/other-os.js';
import { getPeerAuditToken, getPeerEffectivePid, getPeerEffectiveUuid, getPeerPid, getPeerUuid, getXucred, getXucredAndPid } from '../src/index.js';

describe.runIf(process.platform !== 'darwin')('on another OS', () => {
  it('imports, and every call throws ERR_UNIX_CRED_UNSUPPORTED naming macOS', async () => {
    for (const failure of await failuresOnAnotherOs([getXucred, getXucredAndPid, getPeerPid, getPeerEffectivePid, getPeerUuid, getPeerEffectiveUuid, getPeerAuditToken])) {
      expect(failure).toMatch(/^ERR_UNIX_CRED_UNSUPPORTED: .*@unix-cred\/darwin works on macOS only/);
    }
  });
});
