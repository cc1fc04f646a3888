// Credential and descriptor passing on the real kernel: against Node peers in this process and as another
// user, GLib's Gio.UnixConnection, Python's socket.send_fds / recv_fds, worker threads; credentials per message on
// datagram and seqpacket descriptors. Every case compares this process's descriptor table before and after,
// entry by entry: nothing may leak, be closed or be replaced, on any path.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, closeSync, fstatSync, mkdtempSync, readdirSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passing } from '@unix-cred/linux';
import { forOtherUsers, runtimeForOtherUsers } from '../../internal/test-support/readable-copy.js';
import { drainRaw, fdOf, fdTable, fillSendBuffer, loadSocketpair, unlinkedFile } from './fixtures/socketpair.js';

const { enableCredentialPassing, receiveCredentials, receiveFd, receiveFds, sendCredentials, sendFd, sendFds } = passing;

const PYTHON = '/usr/bin/python3';
const pythonPeer = fileURLToPath(new URL('fixtures/python_peer.py', import.meta.url));
const linuxPackage = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const linuxPackageForOthers = (): string => forOtherUsers(fileURLToPath(new URL('..', import.meta.url)), 'dist/index.js');
const O_CLOEXEC = 0o2000000;

const openFds = (): number => readdirSync('/proc/self/fd').length;
const counts: [string, number, number][] = [];

/** A case that must leave exactly the descriptors it found, each naming what it named before. */
function counted(name: string, body: () => Promise<void>, timeout = 20_000): void {
  it(name, { timeout }, async () => {
    const before = fdTable();
    await body();
    // Handles close on the loop's later turns (Bun closes a child's stdio some milliseconds after 'close'); a leaked
    // descriptor stays, and fails below after a second.
    let after = fdTable();
    for (let wait = 0; wait < 100 && !isDeepStrictEqual(after, before); wait++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      after = fdTable();
    }
    counts.push([name, Object.keys(before).length, Object.keys(after).length]);
    expect(after, 'open descriptors after the case, and what each names').toEqual(before);
  });
}

let dir: string;
let path: string;
let server: net.Server;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'unix-cred-passing-'));
  chmodSync(dir, 0o755);
  path = join(dir, 's.sock');
  server = net.createServer({ pauseOnConnect: true }).listen(path);
  enableCredentialPassing(server);
  await once(server, 'listening');
  chmodSync(path, 0o777);
});

afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(`open descriptors before → after, per case:\n${counts.map(([name, b, a]) => `  ${b} → ${a}  ${name}`).join('\n')}`);
});

/** A connection to the shared server: both ends paused (nothing read by Node until a case resumes them). */
async function connect(): Promise<{ accepted: net.Socket; client: net.Socket; close: () => void }> {
  const client = new net.Socket().pause();
  const accepting = once(server, 'connection') as Promise<[net.Socket]>;
  client.connect(path);
  const [[accepted]] = await Promise.all([accepting, once(client, 'connect')]);
  return { accepted, client, close: () => (accepted.destroy(), client.destroy()) };
}

function collect(socket: net.Socket): Promise<string> {
  let text = '';
  socket.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  socket.resume();
  return once(socket, 'end').then(() => text);
}

function fdFlags(fd: number): number {
  return parseInt(/^flags:\s+(\d+)/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))![1]!, 8);
}

function readPipe(fd: number): string {
  const buffer = Buffer.alloc(200);
  const n = readSync(fd, buffer);
  return buffer.subarray(0, n).toString();
}

/** A descriptor of an unlinked file holding `text`; the caller closes it. */
const fileWith = (text: string): number => unlinkedFile(dir, text);

/** Runs the Python peer (GLib or socket.send_fds) against the shared server; resolves its JSON line. */
function pythonPeerRun(mode: string): { accepted: Promise<net.Socket>; result: Promise<Record<string, unknown>> } {
  const accepted = once(server, 'connection').then(([socket]) => socket as net.Socket);
  const child = spawn(PYTHON, [pythonPeer, mode, path], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const result = once(child, 'close').then(([code]) => {
    expect(code, `python ${mode}`).toBe(0);
    return JSON.parse(output) as Record<string, unknown>;
  });
  return { accepted, result };
}

// Bun's Node-API has no libuv loop: a call that must wait is ERR_UNIX_CRED_UNSUPPORTED there (tested below);
// the cases that wait run on Node only.
const BUN = 'bun' in process.versions;

describe.runIf(BUN)('on Bun', () => {
  counted('a receive that must wait is ERR_UNIX_CRED_UNSUPPORTED', async () => {
    const { accepted, close } = await connect();
    await expect(receiveFds(accepted)).rejects.toMatchObject({ code: 'ERR_UNIX_CRED_UNSUPPORTED', message: expect.stringContaining('libuv') });
    close();
  });
});

describe.skipIf(BUN)('credentials', () => {
  counted('a sender in this process: its own pid, euid and egid, then its data in order on the socket', async () => {
    const { accepted, client, close } = await connect();
    const received = receiveCredentials(accepted);
    await sendCredentials(client);
    client.end('x'.repeat(1 << 20));
    expect(await received).toEqual({ pid: process.pid, uid: process.geteuid!(), gid: process.getegid!(), groups: null, source: 'message' });
    expect(await collect(accepted)).toBe('x'.repeat(1 << 20));
    close();
  });

  counted('a sender running as another uid and gid (spawned as root with setgid/setuid)', async () => {
    const script = `const { sendCredentials } = (await import(process.argv[1])).passing;
      const s = new (await import('node:net')).Socket().pause().connect(process.argv[2], async () => {
        await sendCredentials(s); s.end(JSON.stringify({ pid: process.pid, uid: process.geteuid(), gid: process.getegid() })); });`;
    const accepting = once(server, 'connection');
    const child = spawn(runtimeForOtherUsers(), ['--input-type=module', '-e', script, linuxPackageForOthers(), path], { uid: 6101, gid: 6202, stdio: 'inherit' });
    const [accepted] = (await accepting) as [net.Socket];
    const received = await receiveCredentials(accepted);
    const self = JSON.parse(await collect(accepted)) as { pid: number; uid: number; gid: number };
    expect(self).toEqual({ pid: child.pid, uid: 6101, gid: 6202 });
    expect(received).toEqual({ ...self, groups: null, source: 'message' });
    accepted.destroy();
    await once(child, 'close');
  });

  counted('a raw descriptor, and the pidfd of the sender where asked for', async () => {
    const { accepted, client, close } = await connect();
    const received = receiveCredentials(fdOf(accepted), { pidfd: true });
    await sendCredentials(fdOf(client));
    const { pidfd, ...cred } = await received;
    expect(cred).toEqual({ pid: process.pid, uid: process.geteuid!(), gid: process.getegid!(), groups: null, source: 'message' });
    const fdinfo = readFileSync(`/proc/self/fdinfo/${pidfd}`, 'utf8');
    expect(fdinfo).toMatch(new RegExp(`^Pid:\\s+${process.pid}$`, 'm'));
    expect(fdFlags(pidfd!) & O_CLOEXEC).toBe(O_CLOEXEC);
    closeSync(pidfd!);
    close();
  });

  counted('a plain byte without credentials: the kernel stamps it (SO_PASSCRED on the listener), real ids', async () => {
    const { accepted, client, close } = await connect();
    client.write('\0');
    expect(await receiveCredentials(accepted)).toEqual({ pid: process.pid, uid: process.getuid!(), gid: process.getgid!(), groups: null, source: 'message' });
    close();
  });

  counted("no credential message (passing not enabled when a plain byte was sent): the peer's credentials, source 'peer'", async () => {
    const plain = net.createServer({ pauseOnConnect: true }).listen(join(dir, 'plain.sock'));
    await once(plain, 'listening');
    const client = new net.Socket().pause().connect(join(dir, 'plain.sock'));
    const [[accepted]] = (await Promise.all([once(plain, 'connection'), once(client, 'connect')])) as [[net.Socket], unknown];
    client.write('\0');
    await new Promise((resolve) => setTimeout(resolve, 10));
    const groups = readFileSync('/proc/self/status', 'utf8').match(/^Groups:(.*)$/m)![1]!.trim().split(/\s+/).filter(Boolean).map(Number);
    expect(await receiveCredentials(accepted)).toEqual({ pid: process.pid, uid: process.geteuid!(), gid: process.getegid!(), groups, source: 'peer' });
    accepted.destroy();
    client.destroy();
    plain.close();
  });

  counted('200 handshakes in a row', async () => {
    for (let i = 0; i < 200; i++) {
      const { accepted, client, close } = await connect();
      const [received] = await Promise.all([receiveCredentials(accepted), sendCredentials(client)]);
      expect(received.pid).toBe(process.pid);
      close();
    }
  });

  counted('GLib send_credentials → receiveCredentials, then GLib writes on', async () => {
    const { accepted, result } = pythonPeerRun('gio-send-credentials');
    const socket = await accepted;
    const received = await receiveCredentials(socket);
    const after = collect(socket);
    const self = await result;
    expect(received).toEqual({ pid: self.pid, uid: self.uid, gid: self.gid, groups: null, source: 'message' });
    expect(await after).toBe('after glib credentials');
    socket.destroy();
  });

  counted('sendCredentials → GLib receive_credentials, then Node writes on', async () => {
    const { accepted, result } = pythonPeerRun('gio-receive-credentials');
    const socket = await accepted;
    await sendCredentials(socket);
    socket.end('after node credentials');
    const seen = await result;
    expect(seen.received).toBe(`GCredentials:linux-ucred:pid=${process.pid},uid=${process.geteuid!()},gid=${process.getegid!()}`);
    expect(seen.after).toBe('after node credentials');
    socket.destroy();
  });
});

describe.skipIf(BUN)('descriptors', () => {
  counted('sendFds → receiveFds: the same files, close-on-exec, with their data; the stream goes on in order', async () => {
    const { accepted, client, close } = await connect();
    const files = [fileWith('one'), fileWith('two'), fileWith('three')];
    await sendFds(client, files, { data: Buffer.from('with three') });
    client.end('after the descriptors');
    const { fds, data } = await receiveFds(accepted);
    expect(data.toString()).toBe('with three');
    expect(fds.map(readPipe)).toEqual(['one', 'two', 'three']);
    fds.forEach((fd, i) => {
      expect(fstatSync(fd).ino).toBe(fstatSync(files[i]!).ino);
      expect(fdFlags(fd) & O_CLOEXEC).toBe(O_CLOEXEC);
    });
    expect(await collect(accepted)).toBe('after the descriptors');
    [...fds, ...files].forEach((fd) => closeSync(fd));
    close();
  });

  counted('250 descriptors to a receiver asking for 4: 4 kept, the other 246 closed', async () => {
    const { accepted, client, close } = await connect();
    const file = fileWith('shared');
    await sendFds(client, new Array<number>(250).fill(file));
    const { fds, data } = await receiveFds(accepted, { maxFds: 4 });
    expect(fds).toHaveLength(4);
    expect(data).toEqual(Buffer.of(0));
    expect(openFds()).toBeLessThan(250);
    [...fds, file].forEach((fd) => closeSync(fd));
    close();
  });

  counted('sendFd → receiveFd, both ways on one connection', async () => {
    const { accepted, client, close } = await connect();
    const file = fileWith('single');
    await sendFd(client, file);
    const got = await receiveFd(accepted);
    expect(readPipe(got)).toBe('single');
    await sendFd(accepted, got);
    const back = await receiveFd(client);
    expect(fstatSync(back).ino).toBe(fstatSync(file).ino);
    [file, got, back].forEach((fd) => closeSync(fd));
    close();
  });

  counted('a large data goes after the descriptors in several sendmsg calls, all in order', async () => {
    const { accepted, client, close } = await connect();
    const file = fileWith('big');
    const big = Buffer.alloc(3 << 20, 'abc');
    const sent = sendFds(client, [file], { data: big });
    const { fds, data } = await receiveFds(accepted, { maxData: 1 << 16 });
    const rest = collect(accepted);
    await sent;
    client.end();
    expect(Buffer.concat([data, Buffer.from(await rest, 'latin1')]).equals(big)).toBe(true);
    [...fds, file].forEach((fd) => closeSync(fd));
    close();
  });

  counted('receiveFd of a byte without a descriptor: ERR_UNIX_CRED_NO_MESSAGE', async () => {
    const { accepted, client, close } = await connect();
    client.write('\0');
    await expect(receiveFd(accepted)).rejects.toMatchObject({ code: 'ERR_UNIX_CRED_NO_MESSAGE' });
    close();
  });

  counted('MSG_CTRUNC (the receiver runs out of descriptors): ERR_UNIX_CRED_TRUNCATED, every arrived one closed', async () => {
    // The receiver lowers its own descriptor limit to 10 above what it has open, then is sent 40.
    const script = `const { receiveFds } = (await import(process.argv[1])).passing;
      const { execFileSync } = await import('node:child_process'); const { readdirSync } = await import('node:fs');
      const s = new (await import('node:net')).Socket().pause().connect(process.argv[2], async () => {
        const limit = readdirSync('/proc/self/fd').length + 10;
        execFileSync('prlimit', ['--pid', String(process.pid), '--nofile=' + limit + ':' + limit]);
        const before = readdirSync('/proc/self/fd').length;
        const code = await receiveFds(s).then(() => 'none', (e) => e.code);
        console.log(JSON.stringify({ code, before, after: readdirSync('/proc/self/fd').length })); s.destroy(); });`;
    const accepting = once(server, 'connection');
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, linuxPackage, path], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const [accepted] = (await accepting) as [net.Socket];
    const file = fileWith('many');
    await sendFds(accepted, new Array<number>(40).fill(file));
    await once(child, 'close');
    const { code, before, after } = JSON.parse(output) as { code: string; before: number; after: number };
    expect(code).toBe('ERR_UNIX_CRED_TRUNCATED');
    expect(after).toBe(before);
    closeSync(file);
    accepted.destroy();
  });

  counted('GLib send_fd → receiveFd, then GLib writes on', async () => {
    const { accepted, result } = pythonPeerRun('gio-send-fd');
    const socket = await accepted;
    const fd = await receiveFd(socket);
    expect(readPipe(fd)).toBe('through glib send_fd');
    expect(fdFlags(fd) & O_CLOEXEC).toBe(O_CLOEXEC);
    closeSync(fd);
    const after = collect(socket);
    await result;
    expect(await after).toBe('after glib fd');
    socket.destroy();
  });

  counted('sendFd → GLib receive_fd', async () => {
    const { accepted, result } = pythonPeerRun('gio-receive-fd');
    const socket = await accepted;
    const file = fileWith('to glib');
    await sendFd(socket, file);
    closeSync(file);
    expect(await result).toMatchObject({ content: 'to glib', cloexec: true });
    socket.destroy();
  });

  counted("Python's socket.send_fds → receiveFds", async () => {
    const { accepted, result } = pythonPeerRun('python-send-fds');
    const socket = await accepted;
    const { fds, data } = await receiveFds(socket);
    expect(data.toString()).toBe('hello from python');
    expect(fds.map(readPipe)).toEqual(['python pipe 1', 'python pipe 2']);
    fds.forEach((fd) => closeSync(fd));
    const after = collect(socket);
    await result;
    expect(await after).toBe(' and after');
    socket.destroy();
  });

  counted("sendFds → Python's socket.recv_fds", async () => {
    const { accepted, result } = pythonPeerRun('python-recv-fds');
    const socket = await accepted;
    const files = [fileWith('node pipe 1'), fileWith('node pipe 2')];
    await sendFds(socket, files, { data: Buffer.from('hello from node') });
    files.forEach((fd) => closeSync(fd));
    expect(await result).toMatchObject({ message: 'hello from node', contents: ['node pipe 1', 'node pipe 2'], truncated: false });
    socket.destroy();
  });
});

describe.skipIf(BUN)('waiting, aborting, closing', () => {
  counted('an AbortSignal rejects the wait with AbortError; the socket stays usable and loses nothing', async () => {
    const { accepted, client, close } = await connect();
    const controller = new AbortController();
    const waiting = receiveCredentials(accepted, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('enough')), 30);
    const error = (await waiting.catch((e: unknown) => e)) as Error & { code: string; cause: Error };
    expect(error).toMatchObject({ name: 'AbortError', code: 'ABORT_ERR' });
    expect(error.cause.message).toBe('enough');
    await expect(receiveFds(accepted, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError', code: 'ABORT_ERR' });
    const [received] = await Promise.all([receiveCredentials(accepted), sendCredentials(client)]);
    expect(received.source).toBe('message');
    client.end('still flowing');
    expect(await collect(accepted)).toBe('still flowing');
    close();
  });

  counted('a peer that closes mid-handshake: ERR_UNIX_CRED_PEER_CLOSED, nothing hangs', async () => {
    const { accepted, client } = await connect();
    const waiting = receiveCredentials(accepted);
    setTimeout(() => client.destroy(), 30);
    await expect(waiting).rejects.toMatchObject({ code: 'ERR_UNIX_CRED_PEER_CLOSED' });
    accepted.destroy();
  });

  counted('destroying the socket mid-wait rejects with ERR_SOCKET_CLOSED', async () => {
    const { accepted, close } = await connect();
    const waiting = receiveFds(accepted);
    setTimeout(() => accepted.destroy(), 30);
    await expect(waiting).rejects.toMatchObject({ code: 'ERR_SOCKET_CLOSED' });
    close();
  });

  counted('a send that must wait for room completes once the peer reads; writes made meanwhile follow it', async () => {
    const { accepted, client, close } = await connect();
    const filled = fillSendBuffer(client);
    const file = fileWith('late');
    let sent = false;
    const sending = sendFd(client, file).then(() => (sent = true));
    client.write('after');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(sent).toBe(false);
    // Read exactly the filler: the next byte is the one with the descriptor.
    await drainRaw(accepted, filled);
    await sending;
    const fd = await receiveFd(accepted);
    expect(readPipe(fd)).toBe('late');
    client.end();
    expect(await collect(accepted)).toBe('after');
    [fd, file].forEach((x) => closeSync(x));
    close();
  });
});

describe.skipIf(BUN)('the net.Socket protocol', () => {
  counted('receiving on a flowing socket, or one with unread buffered bytes, is ERR_INVALID_STATE', async () => {
    const { accepted, client, close } = await connect();
    accepted.resume();
    await expect(receiveCredentials(accepted)).rejects.toMatchObject({ code: 'ERR_INVALID_STATE' });
    client.write('early');
    await once(accepted, 'data');
    accepted.pause();
    client.write('more');
    // pause() leaves libuv reading into the stream's buffer until it fills.
    while (accepted.readableLength === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await expect(receiveFds(accepted)).rejects.toMatchObject({ code: 'ERR_INVALID_STATE', message: /already read 4 bytes/ });
    close();
  });

  counted('sending with writes still queued in Node is ERR_INVALID_STATE', async () => {
    const { client, close } = await connect();
    client.cork();
    client.write('queued');
    await expect(sendCredentials(client)).rejects.toMatchObject({ code: 'ERR_INVALID_STATE' });
    client.uncork();
    close();
  });

  counted('a TCP socket is ERR_UNIX_CRED_NOT_UNIX_SOCKET, and nothing is sent or read', async () => {
    const tcp = net.createServer({ pauseOnConnect: true }).listen(0, '127.0.0.1');
    await once(tcp, 'listening');
    const client = new net.Socket().pause().connect((tcp.address() as net.AddressInfo).port, '127.0.0.1');
    const [[accepted]] = (await Promise.all([once(tcp, 'connection'), once(client, 'connect')])) as [[net.Socket], unknown];
    await expect(sendCredentials(client)).rejects.toMatchObject({ code: 'ERR_UNIX_CRED_NOT_UNIX_SOCKET' });
    await expect(receiveFds(accepted)).rejects.toMatchObject({ code: 'ERR_UNIX_CRED_NOT_UNIX_SOCKET' });
    expect(() => enableCredentialPassing(tcp)).toThrow(expect.objectContaining({ code: 'ERR_UNIX_CRED_NOT_UNIX_SOCKET' }));
    accepted.destroy();
    client.destroy();
    tcp.close();
  });

  counted('bad arguments reject with ERR_INVALID_ARG_TYPE / ERR_OUT_OF_RANGE', async () => {
    await expect(sendFds(0, [] as number[])).rejects.toMatchObject({ code: 'ERR_OUT_OF_RANGE' });
    await expect(sendFds(0, [-1])).rejects.toMatchObject({ code: 'ERR_OUT_OF_RANGE' });
    await expect(sendFds(0, [1], { data: new Uint8Array(0) })).rejects.toMatchObject({ code: 'ERR_OUT_OF_RANGE' });
    await expect(receiveFds(0, { maxFds: -1 })).rejects.toMatchObject({ code: 'ERR_OUT_OF_RANGE' });
    await expect(receiveCredentials('3' as never)).rejects.toMatchObject({ code: 'ERR_INVALID_ARG_TYPE' });
    await expect(sendCredentials(0, { signal: {} as AbortSignal })).rejects.toMatchObject({ code: 'ERR_INVALID_ARG_TYPE' });
    await expect(sendCredentials(new net.Socket())).rejects.toMatchObject({ code: 'ERR_SOCKET_CLOSED' });
    expect(() => enableCredentialPassing(net.createServer())).toThrow(expect.objectContaining({ code: 'ERR_INVALID_STATE' }));
  });
});

describe.skipIf(BUN)('worker threads', () => {
  const handshake = `const { parentPort, workerData } = require('node:worker_threads'); const net = require('node:net');
    import(workerData.linux).then(async ({ passing: u }) => {
      const server = net.createServer({ pauseOnConnect: true }).listen(workerData.path);
      u.enableCredentialPassing(server);
      const client = new net.Socket().pause().connect(workerData.path);
      const [accepted] = await require('node:events').once(server, 'connection');
      if (workerData.hang) { parentPort.postMessage('waiting'); await u.receiveCredentials(accepted); return; }
      const [cred] = await Promise.all([u.receiveCredentials(accepted), u.sendCredentials(client)]);
      parentPort.postMessage(cred); accepted.destroy(); client.destroy(); server.close();
    });`;

  counted('a handshake on a worker’s own event loop', async () => {
    const worker = new Worker(handshake, { eval: true, workerData: { linux: linuxPackage, path: join(dir, 'w1.sock') } });
    const [cred] = (await once(worker, 'message')) as [unknown];
    expect(cred).toEqual({ pid: process.pid, uid: process.geteuid!(), gid: process.getegid!(), groups: null, source: 'message' });
    await once(worker, 'exit');
  });

  counted('a worker terminated mid-wait frees its poll handle and descriptors; the process goes on', async () => {
    const worker = new Worker(handshake, { eval: true, workerData: { linux: linuxPackage, path: join(dir, 'w2.sock'), hang: true } });
    expect((await once(worker, 'message'))[0]).toBe('waiting');
    await new Promise((resolve) => setTimeout(resolve, 30));
    await worker.terminate();
  });
});

// Datagram and seqpacket sockets, given as raw descriptors (Node core makes neither: a test-only addon does).
describe('credentials per message on datagram and seqpacket descriptors', () => {
  let socketpair: (type: number) => [number, number];
  let DGRAM: number;
  let SEQPACKET: number;
  const euid = process.geteuid!();
  const egid = process.getegid!();

  beforeAll(() => {
    ({ socketpair, SOCK_DGRAM: DGRAM, SOCK_SEQPACKET: SEQPACKET } = loadSocketpair(dir));
  });

  /** The next message on a blocking descriptor: one read(2) takes one whole message (up to readPipe's 200 bytes). */
  const nextMessage = (fd: number): string => readPipe(fd);

  for (const [name, type] of [['SOCK_DGRAM', () => DGRAM], ['SOCK_SEQPACKET', () => SEQPACKET]] as const) {
    counted(`${name}: the sender's own pid, euid and egid; one call reads one whole message, the next stays whole`, async () => {
      const [a, b] = socketpair(type());
      await sendCredentials(a);
      writeSync(a, 'next message');
      expect(await receiveCredentials(b)).toEqual({ pid: process.pid, uid: euid, gid: egid, groups: null, source: 'message' });
      expect(nextMessage(b)).toBe('next message');
      [a, b].forEach((fd) => closeSync(fd));
    });

    counted(`${name}: a message with data and no credentials attached, passing enabled: the kernel's stamp (real ids); its data is consumed`, async () => {
      const [a, b] = socketpair(type());
      enableCredentialPassing(b);
      writeSync(a, 'data of the first message');
      writeSync(a, 'second');
      expect(await receiveCredentials(b)).toEqual({ pid: process.pid, uid: process.getuid!(), gid: process.getgid!(), groups: null, source: 'message' });
      expect(nextMessage(b)).toBe('second');
      [a, b].forEach((fd) => closeSync(fd));
    });

    counted(`${name}: a sender running as another uid and gid (spawned as root), its descriptor inherited`, async () => {
      const [a, b] = socketpair(type());
      const script = `const { sendCredentials } = (await import(process.argv[1])).passing;
        await sendCredentials(3); console.log(JSON.stringify({ pid: process.pid, uid: process.geteuid(), gid: process.getegid() }));`;
      const child = spawn(runtimeForOtherUsers(), ['--input-type=module', '-e', script, linuxPackageForOthers()], { uid: 6101, gid: 6202, stdio: ['ignore', 'pipe', 'inherit', a] });
      let output = '';
      child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
      await once(child, 'close');
      const self = JSON.parse(output) as { pid: number; uid: number; gid: number };
      expect(self).toEqual({ pid: child.pid, uid: 6101, gid: 6202 });
      expect(await receiveCredentials(b)).toEqual({ ...self, groups: null, source: 'message' });
      [a, b].forEach((fd) => closeSync(fd));
    });
  }

  counted('SOCK_DGRAM: a datagram without credentials (passing not enabled when sent): ERR_UNIX_CRED_NO_MESSAGE, never the peer; it is consumed', async () => {
    const [a, b] = socketpair(DGRAM);
    writeSync(a, 'anonymous');
    writeSync(a, 'after');
    await expect(receiveCredentials(b)).rejects.toMatchObject({ code: 'ERR_UNIX_CRED_NO_MESSAGE' });
    expect(nextMessage(b)).toBe('after');
    [a, b].forEach((fd) => closeSync(fd));
  });

  counted('SOCK_DGRAM: an empty datagram is a message, not the end', async () => {
    const [a, b] = socketpair(DGRAM);
    enableCredentialPassing(b);
    writeSync(a, Buffer.alloc(0));
    expect(await receiveCredentials(b)).toMatchObject({ pid: process.pid, source: 'message' });
    [a, b].forEach((fd) => closeSync(fd));
  });

  counted('SOCK_SEQPACKET: the peer closed: ERR_UNIX_CRED_PEER_CLOSED; a record without credentials: the peer credentials', async () => {
    const [a, b] = socketpair(SEQPACKET);
    writeSync(a, 'plain');
    const groups = readFileSync('/proc/self/status', 'utf8').match(/^Groups:(.*)$/m)![1]!.trim().split(/\s+/).filter(Boolean).map(Number);
    expect(await receiveCredentials(b)).toEqual({ pid: process.pid, uid: euid, gid: egid, groups, source: 'peer' });
    closeSync(a);
    await expect(receiveCredentials(b)).rejects.toMatchObject({ code: 'ERR_UNIX_CRED_PEER_CLOSED' });
    closeSync(b);
  });

  it.skipIf(BUN)("SOCK_DGRAM with Python's socket.sendmsg / recvmsg (SCM_CREDENTIALS), both ways", async () => {
    const [a, b] = socketpair(DGRAM);
    const script = `import json, os, socket, struct
s = socket.socket(fileno=3)
s.sendmsg([b'from python'], [(socket.SOL_SOCKET, socket.SCM_CREDENTIALS, struct.pack('iII', os.getpid(), os.geteuid(), os.getegid()))])
s.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
data, ancillary, _, _ = s.recvmsg(100, socket.CMSG_SPACE(12))
received = [struct.unpack('iII', d) for level, kind, d in ancillary if (level, kind) == (socket.SOL_SOCKET, socket.SCM_CREDENTIALS)]
print(json.dumps(dict(pid=os.getpid(), uid=os.geteuid(), gid=os.getegid(), received=received, data=data.hex())))`;
    const child = spawn(PYTHON, ['-c', script], { stdio: ['ignore', 'pipe', 'inherit', a] });
    let output = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const fromPython = await receiveCredentials(b);
    await sendCredentials(b);
    await once(child, 'close');
    const python = JSON.parse(output) as { pid: number; uid: number; gid: number; received: number[][]; data: string };
    expect(fromPython).toEqual({ pid: python.pid, uid: python.uid, gid: python.gid, groups: null, source: 'message' });
    expect(python.received).toEqual([[process.pid, euid, egid]]);
    expect(python.data).toBe('00');
    [a, b].forEach((fd) => closeSync(fd));
  });
});
