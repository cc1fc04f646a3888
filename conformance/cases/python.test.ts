// Case 7: Python's stdlib reads SO_PEERCRED (and SO_PEERSEC) on the very descriptor the library reads.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPeerCredentials, getPeerPidUidGid } from 'unix-cred';
import {
  CLIENT_USER,
  IS_ROOT,
  NO_PYTHON,
  SERVER_USER,
  acceptPeer,
  connectUnix,
  fdOf,
  linux,
  listenUnix,
  NO_ID_SWITCH,
  pythonPeerCred,
  spawnPeer,
  tempDir,
  useScope,
  type Ids,
  type Peer,
} from '../fixtures/helpers.js';

const scope = useScope();

// As root the peers run as other users, so uid, gid and pid all differ from this process's (as this user
// where the runtime cannot switch ids: NO_ID_SWITCH).
const user = (ids: Ids): { as?: Ids } => (IS_ROOT && NO_ID_SWITCH === null ? { as: ids } : {});

async function expectPythonAgrees(socket: import('node:net').Socket, peer: Peer): Promise<void> {
  const fd = fdOf(socket);
  const python = await pythonPeerCred(fd);
  expect(python, 'Python sees the peer we spawned, as it sees itself').toMatchObject({ pid: peer.pid, uid: peer.self.uid, gid: peer.self.gid });
  const ucred = { pid: python.pid, uid: python.uid, gid: python.gid };
  expect(linux!.getUcred(fd)).toEqual(ucred);
  expect(linux!.getUcred(socket)).toEqual(ucred);
  expect(getPeerPidUidGid(fd)).toEqual(ucred);
  expect(getPeerPidUidGid(socket)).toEqual(ucred);
  expect(getPeerCredentials(socket)).toMatchObject(ucred);
  expect(linux!.getPeerSecurityContext(socket), 'SO_PEERSEC label (null: no LSM labels sockets)').toBe(python.label);
}

describe("Python's SO_PEERCRED on the same descriptor", () => {
  it('an accepted socket (server side)', async ({ skip }) => {
    skip(NO_PYTHON !== null, NO_PYTHON ?? undefined);
    const peer = await acceptPeer(scope, await listenUnix(scope, tempDir(scope)), user(CLIENT_USER));
    await expectPythonAgrees(peer.socket, peer);
  });

  it('a connected client socket (client side)', async ({ skip }) => {
    skip(NO_PYTHON !== null, NO_PYTHON ?? undefined);
    const path = join(tempDir(scope, IS_ROOT ? SERVER_USER : undefined), 'python.sock');
    const peer = await spawnPeer(scope, { role: 'listen', path, ...user(SERVER_USER) });
    await expectPythonAgrees(await connectUnix(scope, path), peer);
  });
});
