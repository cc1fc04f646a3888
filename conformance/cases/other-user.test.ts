// Case 2: peers running as another user (uid, gid and groups all distinct from ours and from each other).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPeerCredentials, getPeerPidUidGid, getPeerUidGid, platform } from 'unix-cred';
import {
  CLIENT_USER,
  HAS_PROC,
  IS_ROOT,
  NEEDS_ROOT,
  NO_ID_SWITCH,
  SERVER_USER,
  acceptPeer,
  connectUnix,
  expectPeer,
  linux,
  listenUnix,
  procStatus,
  procTruth,
  selfTruth,
  spawnPeer,
  tempDir,
  useScope,
  type Ids,
  type Peer,
  type Truth,
} from '../fixtures/helpers.js';

const scope = useScope();

/** The ids we told a peer to take, as a truth (on Linux the kernel keeps setgroups()'s list as is, sorted). */
const asked = (pid: number, ids: Ids): Truth => ({ pid, uid: ids.uid, gid: ids.gid, groups: ids.groups, exactGroups: platform === 'linux' });

/** Every truth we have of a peer that runs as `ids`, against one reading of the library. */
function expectOtherUser(cred: ReturnType<typeof getPeerCredentials>, peer: Peer, ids: Ids): void {
  expect(peer.self.uid, 'the peer dropped its ids').toBe(ids.uid);
  expectPeer(cred, peer.self);
  expectPeer(cred, asked(peer.pid, ids));
  if (HAS_PROC) expectPeer(cred, procTruth(peer.pid));
}

describe('a peer running as another user', () => {
  it('server side: the client that connected as that user', async ({ skip }) => {
    skip(!IS_ROOT, NEEDS_ROOT);
    skip(NO_ID_SWITCH !== null, NO_ID_SWITCH ?? '');
    const peer = await acceptPeer(scope, await listenUnix(scope, tempDir(scope)), { as: CLIENT_USER });
    const cred = getPeerCredentials(peer.socket);
    expectOtherUser(cred, peer, CLIENT_USER);
    expectPeer(getPeerPidUidGid(peer.socket), asked(peer.pid, CLIENT_USER));
    expect(getPeerUidGid(peer.socket)).toEqual({ uid: CLIENT_USER.uid, gid: CLIENT_USER.gid });
    if (linux) {
      expect(linux.getPeerGroups(peer.socket)).toEqual(CLIENT_USER.groups);
      expectPeer(linux.getUcred(peer.socket), asked(peer.pid, CLIENT_USER));
    }
  });

  it('client side: the server that called listen() as that user', async ({ skip }) => {
    skip(!IS_ROOT, NEEDS_ROOT);
    skip(NO_ID_SWITCH !== null, NO_ID_SWITCH ?? '');
    const path = join(tempDir(scope, SERVER_USER), 'other.sock');
    const peer = await spawnPeer(scope, { role: 'listen', path, as: SERVER_USER });
    const client = await connectUnix(scope, path);
    expectOtherUser(getPeerCredentials(client), peer, SERVER_USER);
    expect(getPeerUidGid(client)).toEqual({ uid: SERVER_USER.uid, gid: SERVER_USER.gid });
  });
});

// Credentials are those of connect() / listen() time: changing ids later changes nothing the other end sees.
describe('credentials are fixed when the connection is made', () => {
  it('a client that drops to another user after connect() is still seen as it connected', async ({ skip }) => {
    skip(!IS_ROOT, NEEDS_ROOT);
    skip(NO_ID_SWITCH !== null, NO_ID_SWITCH ?? '');
    const peer = await acceptPeer(scope, await listenUnix(scope, tempDir(scope)), { dropAfter: CLIENT_USER });
    if (HAS_PROC) expect(procStatus(peer.pid).uid[1], 'the peer now runs as the other user').toBe(CLIENT_USER.uid);
    expect(peer.self.uid).toBe(CLIENT_USER.uid);
    // This process is root too; the truth is the root that connected, with that pid.
    expectPeer(getPeerCredentials(peer.socket), { ...selfTruth(), pid: peer.pid });
  });

  it('a server that drops to another user after listen() is still seen as it listened', async ({ skip }) => {
    skip(!IS_ROOT, NEEDS_ROOT);
    skip(NO_ID_SWITCH !== null, NO_ID_SWITCH ?? '');
    const path = join(tempDir(scope), 'dropped.sock');
    const peer = await spawnPeer(scope, { role: 'listen', path, dropAfter: SERVER_USER });
    const client = await connectUnix(scope, path);
    if (HAS_PROC) expect(procStatus(peer.pid).uid[1], 'the peer now runs as the other user').toBe(SERVER_USER.uid);
    expectPeer(getPeerCredentials(client), { ...selfTruth(), pid: peer.pid });
  });
});
