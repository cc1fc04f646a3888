// Case 1: both ends of a listen/connect pair, and both ends of a socketpair (a child's stdio pipe).
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPeerCredentials, getPeerPidUidGid, getPeerUidGid } from 'unix-cred';
import {
  CHILD_STDIN_IS_PIPE,
  STDIO_IS_PIPE,
  CLIENT_USER,
  HAS_PROC,
  IS_ROOT,
  NEEDS_ROOT,
  PID_FOLLOWS_IO,
  acceptPeer,
  connectUnix,
  expectPeer,
  fixture,
  fixtureForOthers,
  listenUnix,
  pairInProcess,
  procTruth,
  selfTruth,
  spawnPeer,
  startNode,
  tempDir,
  useScope,
} from '../fixtures/helpers.js';

const scope = useScope();

describe('listen/connect', () => {
  it('both ends of a pair inside this process report this process', async () => {
    const { client, accepted } = await pairInProcess(scope);
    const me = selfTruth();
    expectPeer(getPeerCredentials(accepted), me);
    expectPeer(getPeerCredentials(client), me);
    expectPeer(getPeerPidUidGid(accepted), me);
    expect(getPeerUidGid(client)).toEqual({ uid: me.uid, gid: me.gid });
  });

  it('the server side reports the connecting child, not itself', async () => {
    const peer = await acceptPeer(scope, await listenUnix(scope, tempDir(scope)));
    expect(peer.pid).not.toBe(process.pid);
    expectPeer(getPeerCredentials(peer.socket), peer.self);
    expectPeer(getPeerPidUidGid(peer.socket), peer.self);
    if (HAS_PROC) expectPeer(getPeerCredentials(peer.socket), procTruth(peer.pid));
  });

  it('the client side reports the listening child, not itself', async () => {
    const path = join(tempDir(scope), 'child.sock');
    const peer = await spawnPeer(scope, { role: 'listen', path });
    const client = await connectUnix(scope, path);
    expectPeer(getPeerCredentials(client), peer.self);
    expectPeer(getPeerPidUidGid(client), peer.self);
    if (HAS_PROC) expectPeer(getPeerCredentials(client), procTruth(peer.pid));
  });
});

interface StdinReport {
  self: { pid: number; ppid: number; uid: number; gid: number; groups: number[] };
  peer: { pid: number | null; uid: number; gid: number; groups: number[] | null };
}

// A stdio pipe is a net.Socket at run time (typed Writable). libuv makes it with socketpair() in the parent,
// and a socketpair holds its creator's credentials on both ends (docs/platforms.md 1.2): each end's peer
// is the parent.
describe('socketpair: stdio of a child spawned with stdio pipe', () => {
  it("in the child, process.stdin's peer is the parent", async ({ skip }) => {
    skip(CHILD_STDIN_IS_PIPE !== null, CHILD_STDIN_IS_PIPE ?? '');
    const child = startNode(scope, [fixture('stdin-peer.mjs')], { stdin: 'pipe' });
    const { self, peer } = (await child.line) as StdinReport;
    expect(self.ppid, 'the child was spawned by this process').toBe(process.pid);
    expectPeer(peer, selfTruth(), 'shared socketpair');
  });

  it("in the parent, child.stdin's peer is the pair's creator (this process), not the child", async ({ skip }) => {
    skip(STDIO_IS_PIPE !== null, STDIO_IS_PIPE ?? '');
    const child = startNode(scope, [fixture('stdin-peer.mjs')], { stdin: 'pipe' });
    const cred = getPeerCredentials(child.child.stdin as Socket);
    expectPeer(cred, selfTruth(), 'shared socketpair');
    if (!PID_FOLLOWS_IO) expect(cred.pid).not.toBe(child.child.pid);
    await child.line;
  });

  it('a child spawned as another user still sees its parent on stdin, and the parent sees itself', async ({ skip }) => {
    skip(!IS_ROOT, NEEDS_ROOT);
    skip(STDIO_IS_PIPE !== null, STDIO_IS_PIPE ?? '');
    const child = startNode(scope, [fixtureForOthers('stdin-peer.mjs')], { stdin: 'pipe', uid: CLIENT_USER.uid, gid: CLIENT_USER.gid });
    expectPeer(getPeerCredentials(child.child.stdin as Socket), selfTruth(), 'shared socketpair');
    const { self, peer } = (await child.line) as StdinReport;
    expect({ uid: self.uid, gid: self.gid }, 'the child runs as the other user').toEqual({ uid: CLIENT_USER.uid, gid: CLIENT_USER.gid });
    expectPeer(peer, selfTruth(), 'shared socketpair');
  });
});
