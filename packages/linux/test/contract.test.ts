// The native contract: the loader refuses a binary that lacks an op its JavaScript calls, and the bounds C
// enforces are the numbers the JavaScript reads from it.
import { mkdtempSync, rmSync } from 'node:fs';
import { constants as os, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { capabilities, loadNative, passingOps } from '@unix-cred/internal';
import { closeDescriptor } from '@unix-cred/linux';
import { loadSocketpair } from './fixtures/socketpair.js';

const moduleUrl = new URL('../dist/index.js', import.meta.url).href;
const options = { packageName: '@unix-cred/linux', moduleUrl, servesThisOs: true, servedOsLabel: 'Linux', capabilities: capabilities.linux };

describe('the native contract', () => {
  it('refuses, at load, a binary without an op the JavaScript asks for, naming it', () => {
    let failure: unknown;
    try {
      loadNative({ ...options, ops: ['peerCred', 'peerFromTheFuture', ...passingOps] });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(Error);
    expect(failure).toMatchObject({ code: 'ERR_UNIX_CRED_BINARY_MISMATCH', missing: ['op peerFromTheFuture'] });
    expect((failure as Error).message).toMatch(/^@unix-cred\/linux: its native binary lacks op peerFromTheFuture, which its JavaScript calls/);
  });

  const native = loadNative({ ...options, ops: passingOps });
  const work = mkdtempSync(join(tmpdir(), 'unix-cred-contract-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const pair = loadSocketpair(work);

  it('exports every number the JavaScript reads from C', () => {
    expect(native.constants).toMatchObject({ CHECK_LISTENING: 1, PASS_MAX_SEND_FDS: 253, PASS_MAX_RECEIVE_FDS: 512 });
  });

  it('bounds a receive by the same PASS_MAX_RECEIVE_FDS on the C side', () => {
    const [a, b] = pair.socketpair(pair.SOCK_STREAM);
    try {
      const most = native.constants.PASS_MAX_RECEIVE_FDS;
      native.words[0] = 1;
      // Nothing was sent: within the bound the op only finds the socket not ready.
      expect(native.ops.passReceiveFds(a, (most << 1) | native.constants.PASS_CHECK)).toBe(native.wouldBlock);
      native.words[0] = 1;
      expect(native.ops.passReceiveFds(a, ((most + 1) << 1) | native.constants.PASS_CHECK)).toBe(-os.errno.EINVAL);
    } finally {
      closeDescriptor(a);
      closeDescriptor(b);
    }
  });
});
