import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDescriptor, getPeerGroups, getPeerPidfd, getPeerSecurityContext, getUcred, getUcredGroups, openPeerPidfd } from '@unix-cred/linux';

const PYTHON = '/usr/bin/python3';

/** What Python's stdlib says of a descriptor (inherited as fd 3): SO_PEERCRED, and SO_PEERSEC or its errno. */
function pythonView(fd: number): { pid: number; uid: number; gid: number; label: string | null } {
  const script = `
import errno, json, socket, struct
s = socket.socket(fileno=3)
pid, uid, gid = struct.unpack('iII', s.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, 12))
try:
    label = s.getsockopt(socket.SOL_SOCKET, 31, 1024).rstrip(b'\\0').decode()
except OSError as e:
    if e.errno != errno.ENOPROTOOPT: raise
    label = None
s.detach()
print(json.dumps(dict(pid=pid, uid=uid, gid=gid, label=label)))`;
  const result = spawnSync(PYTHON, ['-c', script], { stdio: ['ignore', 'pipe', 'inherit', fd], encoding: 'utf8' });
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout);
}

function procStatus(pid: number, field: string): number[] {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`))!;
  return line.slice(field.length + 1).trim().split(/\s+/).filter(Boolean).map(Number);
}

// A Python peer started as root that takes many supplementary groups (more than the addon's inline buffer
// holds: 1500 × 4 bytes > 4096) and other ids, connects, and waits for the server to close.
const MANY_GROUPS = Array.from({ length: 1500 }, (_, i) => 20000 + i);
const PEER = `
import json, os, socket, sys
os.setgroups(json.loads(sys.argv[2])); os.setgid(6202); os.setuid(6101)
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); s.send(b'x'); s.recv(1)`;

let dir: string;
let server: net.Server;
let path: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'unix-cred-linux-'));
  chmodSync(dir, 0o755);
  path = join(dir, 's.sock');
  server = net.createServer().listen(path);
  await once(server, 'listening');
  chmodSync(path, 0o777);
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function connectPeer(): Promise<{ socket: net.Socket; pid: number; end: () => Promise<void> }> {
  const child = spawn(PYTHON, ['-c', PEER, path, JSON.stringify(MANY_GROUPS)], { stdio: 'inherit' });
  const [socket] = (await once(server, 'connection')) as [net.Socket];
  await once(socket, 'data');
  return { socket, pid: child.pid!, end: async () => { socket.end(); await once(child, 'exit'); } };
}

describe('@unix-cred/linux against the kernel and Python', () => {
  it('getUcred and getUcredGroups agree with /proc and with Python, for a peer with 1500 groups', async () => {
    const peer = await connectPeer();
    try {
      const fd = (peer.socket as unknown as { _handle: { fd: number } })._handle.fd;
      const python = pythonView(fd);
      expect(getUcred(fd)).toEqual({ pid: python.pid, uid: python.uid, gid: python.gid });
      expect(getUcred(peer.socket)).toEqual({ pid: peer.pid, uid: procStatus(peer.pid, 'Uid')[1], gid: procStatus(peer.pid, 'Gid')[1] });
      const kernelGroups = procStatus(peer.pid, 'Groups');
      expect(kernelGroups).toHaveLength(MANY_GROUPS.length);
      expect(getPeerGroups(fd)).toEqual(kernelGroups);
      expect(getUcredGroups(peer.socket)).toEqual({ pid: peer.pid, uid: 6101, gid: 6202, groups: kernelGroups });
      expect(getPeerSecurityContext(fd)).toBe(python.label);
    } finally {
      await peer.end();
    }
  });

  it('getPeerPidfd gives a close-on-exec pidfd of the peer that the caller owns', async () => {
    const peer = await connectPeer();
    try {
      const { pidfd, pid } = openPeerPidfd(peer.socket);
      const fdinfo = readFileSync(`/proc/self/fdinfo/${pidfd}`, 'utf8');
      expect(fdinfo).toMatch(new RegExp(`^Pid:\\s+${peer.pid}$`, 'm'));
      expect(Number(/^flags:\s+(\d+)/m.exec(fdinfo)![1]) & 0o2000000).toBe(0o2000000); // O_CLOEXEC
      expect(pid).toBe(peer.pid);
      closeDescriptor(pidfd);
      const second = getPeerPidfd(peer.socket);
      expect(readdirSync('/proc/self/fd')).toContain(String(second));
      closeDescriptor(second);
    } finally {
      await peer.end();
    }
  });

  it('refuses a TCP socket with ERR_UNIX_CRED_NOT_UNIX_SOCKET in every query', async () => {
    const tcp = net.createServer().listen(0, '127.0.0.1');
    await once(tcp, 'listening');
    const client = net.connect((tcp.address() as net.AddressInfo).port, '127.0.0.1');
    await once(client, 'connect');
    try {
      for (const query of [getUcred, getPeerGroups, getUcredGroups, getPeerPidfd, getPeerSecurityContext]) {
        expect(() => query(client)).toThrow(expect.objectContaining({ code: 'ERR_UNIX_CRED_NOT_UNIX_SOCKET' }));
      }
    } finally {
      client.destroy();
      tcp.close();
    }
  });

  it("asks no SO_ACCEPTCONN of a net.Server's connection (accept() never returns a listener), and asks it of anything else", () => {
    // Each query on a fresh net.Socket, as strace sees its getsockopt calls: the connection the server accepted,
    // then a stand-in for the listening socket (no _server), then its raw descriptor.
    const script = `
      import net from 'node:net';
      import { getUcred } from '@unix-cred/linux';
      const server = net.createServer((socket) => {
        const options = [];
        getUcred(socket);
        for (const other of [Object.assign(Object.create(net.Socket.prototype), { _handle: server._handle }), server._handle.fd]) {
          try { getUcred(other); } catch (error) { options.push(error.code); }
        }
        console.log(JSON.stringify(options));
        socket.destroy();
        server.close();
      });
      server.listen(process.argv[1], () => net.connect(process.argv[1]));`;
    const log = join(dir, 'strace.log');
    const result = spawnSync('strace', ['-f', '-qq', '-e', 'trace=getsockopt', '-o', log, process.execPath, '--input-type=module', '-e', script, join(dir, 'strace.sock')], {
      cwd: join(import.meta.dirname, '..'),
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(['ENOTCONN', 'ENOTCONN']);
    const calls = readFileSync(log, 'utf8').split('\n').flatMap((line) => /getsockopt\(\d+, SOL_SOCKET, (SO_PEER\w+|SO_ACCEPTCONN)/.exec(line)?.[1] ?? []); // not libuv's SO_TYPE, SO_ERROR
    expect(calls).toEqual(['SO_PEERCRED', 'SO_ACCEPTCONN', 'SO_ACCEPTCONN']);
  });

  it('refuses a listening socket with ENOTCONN in every query', () => {
    for (const query of [getUcred, getPeerGroups, getUcredGroups, getPeerPidfd, getPeerSecurityContext]) {
      expect(() => query(server as never)).toThrow(expect.objectContaining({ code: 'ENOTCONN', syscall: 'getsockopt' }));
    }
  });
});
