import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type net from 'node:net';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkPeer, type PeerCredentials, type PeerPolicy } from 'unix-cred';
import { openServer, type OpenServer } from '../../internal/test-support/server.js';
import { checkPeerWith } from '../src/policy.js';

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));

const peer = (cred: Partial<PeerCredentials>): PeerCredentials => ({ pid: 10, uid: 4101, gid: 4201, groups: [4301, 4302], ...cred });
const accepted = (policy: PeerPolicy, cred: PeerCredentials): boolean => {
  try {
    return checkPeerWith(() => cred, 0, policy) === cred;
  } catch (error) {
    expect(error).toMatchObject({ code: 'ERR_UNIX_CRED_PEER_REJECTED', credentials: cred });
    return false;
  }
};

describe('checkPeer rules', () => {
  it.each<[string, unknown]>([
    ['{}', {}],
    ['empty lists', { uids: [], gids: [], groups: [] }],
    ['sameUser: false alone', { sameUser: false }],
    ['a typo', { user: 0 }],
    ['null', null],
    ['a uid list that is not a list', { uids: 4101 }],
    ['a negative id', { uids: [-1] }],
    ['a fractional id', { gids: [1.5] }],
    ['an id past 2^32', { groups: [2 ** 32] }],
    ['an id as a string', { groups: ['4301'] }],
    ['sameUser not a boolean', { sameUser: 'yes' }],
  ])('%s is a TypeError, thrown before the socket is looked at', (_, policy) => {
    const read = vi.fn(() => peer({}));
    expect(() => checkPeerWith(read, 0, policy as PeerPolicy)).toThrow(expect.objectContaining({ name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' }));
    expect(read).not.toHaveBeenCalled();
  });

  it('accepts a peer that matches any one rule', () => {
    expect(accepted({ uids: [4101] }, peer({}))).toBe(true);
    expect(accepted({ gids: [4201] }, peer({}))).toBe(true);
    expect(accepted({ uids: [1], gids: [2], groups: [4302] }, peer({}))).toBe(true);
    expect(accepted({ sameUser: true }, peer({ uid: process.geteuid!() }))).toBe(true);
  });

  it('gids is the effective gid only; groups is membership: the effective gid or any group', () => {
    expect(accepted({ gids: [4301] }, peer({}))).toBe(false);
    expect(accepted({ groups: [4301] }, peer({}))).toBe(true);
    expect(accepted({ groups: [4201] }, peer({ groups: [] }))).toBe(true);
  });

  it('where the OS reports no group list, only the effective gid proves membership', () => {
    expect(accepted({ groups: [4301] }, peer({ groups: null }))).toBe(false);
    expect(accepted({ groups: [4201] }, peer({ groups: null }))).toBe(true);
  });

  it('rejects with a message that says why, and the credentials on the error', () => {
    const cred = peer({ groups: null });
    expect(() => checkPeerWith(() => cred, 0, { uids: [0], sameUser: true })).toThrow(
      expect.objectContaining({
        code: 'ERR_UNIX_CRED_PEER_REJECTED',
        message: 'Peer rejected: uid 4101, gid 4201, groups (not reported by this OS) match no rule of the policy',
        credentials: cred,
      }),
    );
  });

  it('an unmapped id (the overflow uid or gid) matches no rule, not even one that names it, nor sameUser', () => {
    const unmapped = { uid: 65000, gid: 65001 };
    const matches = (policy: PeerPolicy, cred: PeerCredentials): boolean => {
      try {
        return checkPeerWith(() => cred, 0, policy, unmapped) === cred;
      } catch (error) {
        expect(error).toMatchObject({ code: 'ERR_UNIX_CRED_PEER_REJECTED' });
        return false;
      }
    };
    const nobody = peer({ uid: 65000, gid: 65001, groups: [65001] });
    expect(matches({ uids: [65000] }, nobody)).toBe(false);
    expect(matches({ gids: [65001] }, nobody)).toBe(false);
    expect(matches({ groups: [65001] }, nobody)).toBe(false);
    expect(matches({ groups: [65001] }, peer({ groups: [65001] }))).toBe(false);
    // The gid and groups still count when only the uid is unmapped, and the other way round.
    expect(matches({ gids: [4201] }, peer({ uid: 65000 }))).toBe(true);
    expect(matches({ uids: [4101] }, peer({ gid: 65001 }))).toBe(true);
    expect(matches({ groups: [4302] }, peer({ gid: 65001 }))).toBe(true);
  });

  it('accepts readonly (frozen) lists', () => {
    const policy = { uids: Object.freeze([4101]) } as const;
    expect(accepted(policy, peer({}))).toBe(true);
  });
});

const USERS = {
  alice: { uid: 4101, gid: 4201, groups: [4301, 4302] },
  bob: { uid: 4102, gid: 4202, groups: [4303] },
  carol: { uid: 4103, gid: 4301, groups: [] as number[] }, // a member of 4301 by her primary group
};
type User = keyof typeof USERS;

describe.runIf(process.geteuid?.() === 0)('checkPeer against peers running as other users, with supplementary groups', () => {
  let open: OpenServer;
  const sockets = new Map<User | 'root', net.Socket>();

  beforeAll(async () => {
    open = await openServer('unix-cred-policy-');
    const script = `const ids = JSON.parse(process.argv[2]);
      if (ids) { process.setgroups(ids.groups); process.setgid(ids.gid); process.setuid(ids.uid); }
      const s = require('node:net').connect(process.argv[1], () => s.write('x')); s.on('end', () => s.end()); s.resume();`;
    for (const user of [...Object.keys(USERS), 'root'] as (User | 'root')[]) {
      const ids = user === 'root' ? null : USERS[user];
      spawn(process.execPath, ['-e', script, open.path, JSON.stringify(ids)], { stdio: 'inherit' });
      const [socket] = (await once(open.server, 'connection')) as [net.Socket];
      await once(socket, 'data');
      sockets.set(user, socket);
    }
  });
  afterAll(() => {
    for (const socket of sockets.values()) socket.end();
    open.close();
  });

  const whoIsAccepted = (policy: PeerPolicy): string[] =>
    [...sockets].filter(([, socket]) => {
      try {
        checkPeer(socket, policy);
        return true;
      } catch (error) {
        expect((error as { code?: string }).code).toBe('ERR_UNIX_CRED_PEER_REJECTED');
        return false;
      }
    }).map(([user]) => user);

  it.each<[PeerPolicy, string[]]>([
    [{ groups: [4301] }, ['alice', 'carol']],
    [{ groups: [4303, 4302] }, ['alice', 'bob']],
    [{ gids: [4301] }, ['carol']],
    [{ uids: [4102] }, ['bob']],
    [{ uids: [4101], groups: [4303] }, ['alice', 'bob']],
    [{ sameUser: true }, ['root']],
    [{ groups: [4999] }, []],
  ])('%j accepts %j', (policy, users) => {
    expect(whoIsAccepted(policy)).toEqual(users);
  });

  it('returns the credentials of an accepted peer', () => {
    expect(checkPeer(sockets.get('alice')!, { groups: [4302] })).toMatchObject({ uid: 4101, gid: 4201, groups: [4301, 4302] });
  });
});

describe.runIf(process.platform === 'linux' && process.geteuid?.() === 0)('checkPeer in a user namespace without an id mapping', () => {
  it('a peer whose ids are not mapped (the overflow ids, as our own euid there) matches no rule, not even sameUser', async () => {
    const open = await openServer('unix-cred-userns-');
    const overflow = (kind: string) => Number(readFileSync(`/proc/sys/kernel/overflow${kind}`, 'utf8'));
    // The client runs in a new user namespace with no mapping: this server (root) and the client itself read as the overflow ids.
    const script = `const u = require('unix-cred'); const c = require('node:net').connect(process.argv[1], () => {
      const policies = [{ sameUser: true }, { uids: [${overflow('uid')}] }, { gids: [${overflow('gid')}] }, { groups: [${overflow('gid')}] }];
      const verdicts = policies.map((policy) => { try { u.checkPeer(c, policy); return 'accepted'; } catch (e) { return e.code; } });
      console.log(JSON.stringify({ euid: process.geteuid(), peer: u.getPeerCredentials(c), verdicts })); c.end(); });`;
    const child = spawn('unshare', ['--user', process.execPath, '-e', script, open.path], { cwd: packageDir, stdio: ['ignore', 'pipe', 'inherit'] });
    const [accepted] = (await once(open.server, 'connection')) as [net.Socket];
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    await once(child, 'exit');
    accepted.destroy();
    open.close();
    const { euid, peer: seen, verdicts } = JSON.parse(output) as { euid: number; peer: PeerCredentials; verdicts: string[] };
    expect(euid).toBe(overflow('uid'));
    expect(seen).toMatchObject({ uid: overflow('uid'), gid: overflow('gid') });
    expect(verdicts).toEqual(new Array(4).fill('ERR_UNIX_CRED_PEER_REJECTED'));
  });
});
