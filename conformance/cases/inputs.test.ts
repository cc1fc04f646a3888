// Case 3: every SocketLike form gives the same truth; a net.Socket's results are cached yet fresh objects.
import { type } from 'node:os';
import { describe, expect, it } from 'vitest';
import { getPeerCredentials, getPeerPidUidGid, getPeerUidGid, platform, type SocketLike } from 'unix-cred';
import {
  HAS_PROC,
  acceptPeer,
  expectCode,
  expectPeer,
  fdOf,
  linux,
  listenUnix,
  procTruth,
  tempDir,
  useScope,
  type Truth,
} from '../fixtures/helpers.js';

const scope = useScope();

/** A child connected to us: its pid differs from ours, so a mixed-up end shows. */
async function connectedChild(): Promise<{ socket: import('node:net').Socket; truths: Truth[] }> {
  const peer = await acceptPeer(scope, await listenUnix(scope, tempDir(scope)));
  return { socket: peer.socket, truths: HAS_PROC ? [peer.self, procTruth(peer.pid)] : [peer.self] };
}

it('platform names this OS', () => {
  expect(platform).toBe(type() === 'DragonFly' ? 'dragonfly' : process.platform);
});

describe('SocketLike forms', () => {
  it('a net.Socket, its raw descriptor and an object with an fd property give the same truth', async () => {
    const { socket, truths } = await connectedChild();
    const fd = fdOf(socket);
    const inputs: [string, SocketLike][] = [
      ['net.Socket', socket],
      ['descriptor number', fd],
      ['{ fd }', { fd }],
    ];
    for (const [, input] of inputs) {
      for (const truth of truths) {
        expectPeer(getPeerCredentials(input), truth);
        expectPeer(getPeerPidUidGid(input), truth);
        expect(getPeerUidGid(input)).toEqual({ uid: truth.uid, gid: truth.gid });
        if (linux) expectPeer(linux.getUcred(input), truth);
        if (linux && truth.exactGroups) expect(linux.getPeerGroups(input)).toEqual(truth.groups);
      }
    }
  });
});

describe('results for a net.Socket', () => {
  it('repeated calls are equal, each a fresh object: mutating one does not change the next', async () => {
    const { socket, truths } = await connectedChild();
    const first = getPeerCredentials(socket);
    const second = getPeerCredentials(socket);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    expect(second.groups).not.toBe(first.groups);
    first.pid = 1;
    first.uid = 1;
    first.gid = 1;
    first.groups?.push(424242);
    second.groups?.splice(0);
    for (const truth of truths) expectPeer(getPeerCredentials(socket), truth);

    const pidUidGid = getPeerPidUidGid(socket);
    const uidGid = getPeerUidGid(socket);
    expect(getPeerPidUidGid(socket)).not.toBe(pidUidGid);
    expect(getPeerUidGid(socket)).not.toBe(uidGid);
    pidUidGid.uid = 1;
    uidGid.gid = 1;
    for (const truth of truths) {
      expectPeer(getPeerPidUidGid(socket), truth);
      expect(getPeerUidGid(socket)).toEqual({ uid: truth.uid, gid: truth.gid });
    }
    if (linux) {
      const groups = linux.getPeerGroups(socket);
      groups.push(424242);
      const ucred = linux.getUcred(socket);
      ucred.pid = 1;
      for (const truth of truths) {
        expectPeer(linux.getUcred(socket), truth);
        if (truth.exactGroups) expect(linux.getPeerGroups(socket)).toEqual(truth.groups);
      }
    }
  });

  it('no answer outlives the connection: a destroyed socket that answered before throws ERR_SOCKET_CLOSED', async () => {
    const { socket, truths } = await connectedChild();
    expectPeer(getPeerCredentials(socket), truths[0]!);
    socket.destroy();
    expectCode(() => getPeerCredentials(socket), 'ERR_SOCKET_CLOSED');
    expectCode(() => getPeerPidUidGid(socket), 'ERR_SOCKET_CLOSED');
    expectCode(() => getPeerUidGid(socket), 'ERR_SOCKET_CLOSED');
  });
});
