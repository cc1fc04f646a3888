// Case 4: a peer that exits, and the pidfd-backed PeerProcess (Linux 6.5+; elsewhere ERR_UNIX_CRED_UNSUPPORTED).
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { getPeerCredentials, getPeerPidUidGid, getPeerProcess } from 'unix-cred';
import {
  BUN_CLOSES_ON_EOF,
  NO_FD_DIR,
  PIDFD_EXPECTED,
  acceptPeer,
  expectCode,
  expectPeer,
  fdOf,
  isPidfd,
  linux,
  listenUnix,
  openDescriptorCount,
  pidfdInfoPid,
  tempDir,
  useScope,
  type PeerOptions,
} from '../fixtures/helpers.js';

const scope = useScope();

/** A child peer on an accepted socket that stays readable after the child exits (allowHalfOpen). */
async function peer(then: PeerOptions['then'] = 'wait') {
  return acceptPeer(scope, await listenUnix(scope, tempDir(scope), { allowHalfOpen: true }), { then });
}

/** Without SO_PEERPIDFD (Linux < 6.5, other OSes) a handle case is the documented error, not a skip. */
function assertedUnsupported(socket: Socket): boolean {
  if (PIDFD_EXPECTED) return false;
  expectCode(() => getPeerProcess(socket), 'ERR_UNIX_CRED_UNSUPPORTED');
  expectCode(() => getPeerProcess(fdOf(socket)), 'ERR_UNIX_CRED_UNSUPPORTED');
  return true;
}

describe('a peer that has exited', () => {
  it('is still reported, pid included, after it exits and is reaped', async ({ skip }) => {
    skip(BUN_CLOSES_ON_EOF !== null, BUN_CLOSES_ON_EOF ?? '');
    const child = await peer('exit');
    expect(await child.exited).toEqual({ code: 0, signal: null });
    // First queries only now: nothing can come from a cache filled while the peer ran.
    expectPeer(getPeerCredentials(fdOf(child.socket)), child.self, 'closed');
    expectPeer(getPeerCredentials(child.socket), child.self, 'closed');
    expectPeer(getPeerPidUidGid({ fd: fdOf(child.socket) }), child.self, 'closed');
  });
});

describe('getPeerProcess', () => {
  it('opens a handle on the peer (Linux 6.5+), else throws ERR_UNIX_CRED_UNSUPPORTED', async () => {
    const child = await peer();
    if (PIDFD_EXPECTED) {
      using handle = getPeerProcess(child.socket);
      expect(handle.pid).toBe(child.pid);
      return;
    }
    const error = expectCode(() => getPeerProcess(child.socket), 'ERR_UNIX_CRED_UNSUPPORTED');
    expect(error.message).toMatch(/pidfd|SO_PEERPIDFD|linux|not supported/i);
  });

  it('is alive while the peer runs and not once it has exited; its pidfd names the peer in fdinfo', async () => {
    const child = await peer();
    if (assertedUnsupported(child.socket)) return;
    const handle = getPeerProcess(child.socket);
    scope.defer(() => handle.close());
    expect(handle.pid).toBe(child.pid);
    expect(pidfdInfoPid(handle.fd), '/proc/self/fdinfo Pid:').toBe(child.pid);
    expect(handle.isAlive()).toBe(true);
    child.socket.destroy(); // the peer exits when its connection closes
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(handle.isAlive()).toBe(false);
  });

  it('kill() signals exactly the peer: it dies of that signal', async () => {
    const child = await peer();
    if (assertedUnsupported(child.socket)) return;
    using handle = getPeerProcess(child.socket);
    expect(handle.isAlive()).toBe(true);
    handle.kill('SIGTERM');
    expect(await child.exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(handle.isAlive()).toBe(false);
  });

  it('close() is idempotent and closes the pidfd; a `using` block closes it too', async () => {
    const child = await peer();
    if (assertedUnsupported(child.socket)) return;
    const handle = getPeerProcess(child.socket);
    const fd = handle.fd;
    expect(isPidfd(fd)).toBe(true);
    handle.close();
    expect(isPidfd(fd), 'the pidfd is closed').toBe(false);
    expect(() => handle.close()).not.toThrow();
    expectCode(() => handle.isAlive(), 'ERR_INVALID_STATE');

    let disposedFd = -1;
    {
      using disposed = getPeerProcess(child.socket);
      disposedFd = disposed.fd;
      expect(pidfdInfoPid(disposedFd)).toBe(child.pid);
    }
    expect(isPidfd(disposedFd), 'the `using` block closed the pidfd').toBe(false);
  });

  it('after the peer is reaped: a handle that is not alive, or ESRCH/EINVAL (kernel-dependent)', async ({ skip }) => {
    skip(BUN_CLOSES_ON_EOF !== null, BUN_CLOSES_ON_EOF ?? '');
    const child = await peer('exit');
    await child.exited;
    if (assertedUnsupported(child.socket)) return;
    let handle: ReturnType<typeof getPeerProcess>;
    try {
      handle = getPeerProcess(child.socket);
    } catch (error) {
      expect((error as { code?: string }).code).toMatch(/^(ESRCH|EINVAL)$/);
      return;
    }
    using _ = handle;
    expect(handle.isAlive()).toBe(false);
  });

  it('opening and closing 10,000 handles leaves no descriptor behind', async ({ skip }) => {
    skip(openDescriptorCount() === null, NO_FD_DIR);
    const child = await peer();
    const before = openDescriptorCount();
    const open = PIDFD_EXPECTED
      ? (socket: Socket | number) => getPeerProcess(socket).close()
      : (socket: Socket | number) => expectCode(() => getPeerProcess(socket), 'ERR_UNIX_CRED_UNSUPPORTED');
    for (let i = 0; i < 10_000; i++) open(i % 2 ? child.socket : fdOf(child.socket));
    expect(openDescriptorCount()).toBe(before);
  });
});

describe('@unix-cred/linux getPeerPidfd', () => {
  it('returns a pidfd the caller owns, naming the peer', async ({ skip }) => {
    skip(linux === null, 'Linux only');
    const child = await peer();
    if (!PIDFD_EXPECTED) {
      expectCode(() => linux!.getPeerPidfd(child.socket), 'ERR_UNIX_CRED_UNSUPPORTED');
      return;
    }
    const pidfd = linux!.getPeerPidfd(child.socket);
    expect(pidfdInfoPid(pidfd)).toBe(child.pid);
    linux!.closeDescriptor(pidfd);
    const opened = linux!.openPeerPidfd(child.socket);
    expect(opened.pid).toBe(child.pid);
    expect(pidfdInfoPid(opened.pidfd)).toBe(child.pid);
    linux!.closeDescriptor(opened.pidfd);
  });
});
