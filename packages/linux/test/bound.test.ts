// A passing call acts on the socket it was given, and on nothing else: not on whatever takes its descriptor
// number after the caller destroys or closes it while the call waits. The races are forced inside one timer
// callback: the peer makes the socket ready, the socket is destroyed, and a new socketpair takes its number
// (asserted); then the poll phase finds the pending call's wait ready. Every case compares this process's
// descriptor table entry by entry (the target of every /proc/self/fd link) before and after.
import { once } from 'node:events';
import { closeSync, fstatSync, mkdtempSync, readSync, rmSync, writeSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passing } from '@unix-cred/linux';
import { fdTable, loadSocketpair, type SocketpairAddon } from './fixtures/socketpair.js';

const { enableCredentialPassing, receiveCredentials, receiveFd, receiveFds, sendCredentials, sendFd, sendFds } = passing;

const settle = async (): Promise<void> => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
};

// Bun's Node-API has no libuv loop: a call that must wait is ERR_UNIX_CRED_UNSUPPORTED there (passing.test.ts).
const BUN = 'bun' in process.versions;

/** A case that must leave exactly the descriptors it found, each naming what it named before; `waits`: Node only. */
function tabled(name: string, body: () => Promise<void>, waits = true): void {
  it.skipIf(waits && BUN)(name, { timeout: 20_000 }, async () => {
    await settle();
    const before = fdTable();
    await body();
    await settle();
    expect(fdTable()).toEqual(before);
  });
}

let dir: string;
let path: string;
let server: net.Server;
let addon: SocketpairAddon;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'unix-cred-bound-'));
  addon = loadSocketpair(dir);
  path = join(dir, 's.sock');
  server = net.createServer({ pauseOnConnect: true }).listen(path);
  enableCredentialPassing(server);
  await once(server, 'listening');
});

afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

const fdOf = (socket: net.Socket): number => (socket as unknown as { _handle: { fd: number } })._handle.fd;

async function connect(): Promise<{ accepted: net.Socket; client: net.Socket }> {
  const client = new net.Socket().pause();
  const accepting = once(server, 'connection') as Promise<[net.Socket]>;
  client.connect(path);
  const [[accepted]] = await Promise.all([accepting, once(client, 'connect')]);
  return { accepted, client };
}

/** Raw non-blocking writes until the kernel's buffer is full: the byte count. */
function fill(fd: number): number {
  const filler = Buffer.alloc(1 << 16, 1);
  let filled = 0;
  for (;;) {
    try {
      filled += writeSync(fd, filler);
    } catch (error) {
      if ((error as { code?: string }).code === 'EAGAIN') return filled;
      throw error;
    }
  }
}

/** Reads exactly `count` bytes that are already queued. */
function drain(fd: number, count: number): void {
  const buffer = Buffer.alloc(1 << 16);
  for (let left = count; left > 0; ) left -= readSync(fd, buffer, 0, Math.min(left, buffer.length), null);
}

interface Swapped {
  /** The victim's descriptor number. */
  number: number;
  /** The end of the new socketpair that took a number: the victim's, unless a lower one was free. */
  intruder: number;
  other: number;
}

/**
 * In one timer callback: `ready()` makes the victim's pending wait ready, the victim is destroyed, a new
 * socketpair takes its number, and `then` runs on it.
 */
async function swapInPair(victim: net.Socket, ready: () => void, then: (swapped: Swapped) => void = () => {}): Promise<Swapped> {
  return new Promise((resolve) => {
    setTimeout(() => {
      ready();
      const number = fdOf(victim);
      victim.destroy();
      const [a, b] = addon.socketpair(addon.SOCK_STREAM);
      const swapped = a === number ? { number, intruder: a, other: b } : { number, intruder: b, other: a };
      then(swapped);
      resolve(swapped);
    }, 20);
  });
}

type Form = 'net.Socket' | 'raw descriptor';
const forms: Form[] = ['net.Socket', 'raw descriptor'];
const as = (form: Form, socket: net.Socket): net.Socket | number => (form === 'net.Socket' ? socket : fdOf(socket));

describe('a call that waited never acts on the socket that took its number', () => {
  const sends: [string, (socket: net.Socket | number, fd: number) => Promise<void>][] = [
    ['sendFd', (socket, fd) => sendFd(socket, fd)],
    ['sendFds', (socket, fd) => sendFds(socket, [fd, fd], { data: Buffer.from('secret') })],
    ['sendCredentials', (socket) => sendCredentials(socket)],
  ];
  for (const form of forms) {
    for (const [name, send] of sends) {
      tabled(`${name} on a ${form}: the socket is destroyed while it waits for room; nothing reaches the new socket or the old peer`, async () => {
        const { accepted, client } = await connect();
        const filled = fill(fdOf(client));
        const secret = addon.socketpair(addon.SOCK_STREAM);
        const sending = send(as(form, client), secret[0]).then(
          () => 'sent',
          (error: { code?: string }) => error.code,
        );
        const { number, intruder, other } = await swapInPair(client, () => drain(fdOf(accepted), filled));
        const outcome = await sending;
        expect(intruder).toBe(number);
        expect(outcome).toBe('ERR_SOCKET_CLOSED');
        expect(addon.queued(other), 'bytes that reached the new socket').toBe(0);
        expect(addon.queued(fdOf(accepted)), 'bytes that reached the old peer').toBe(0);
        [intruder, other, ...secret].forEach((fd) => closeSync(fd));
        accepted.destroy();
      });
    }
  }

  const receives: [string, (socket: net.Socket | number) => Promise<unknown>][] = [
    ['receiveFd', (socket) => receiveFd(socket)],
    ['receiveFds', (socket) => receiveFds(socket)],
    ['receiveCredentials', (socket) => receiveCredentials(socket)],
  ];
  for (const form of forms) {
    for (const [name, receive] of receives) {
      tabled(`${name} on a ${form}: the socket is destroyed while it waits for data; the new socket's data stays unread, its options untouched`, async () => {
        const { accepted, client } = await connect();
        const receiving = receive(as(form, accepted)).then(
          (value) => ({ value }),
          (error: { code?: string }) => error.code,
        );
        const { number, intruder, other } = await swapInPair(
          accepted,
          () => writeSync(fdOf(client), 'for the victim'),
          (swapped) => writeSync(swapped.other, 'for the new socket'),
        );
        const outcome = await receiving;
        expect(intruder).toBe(number);
        expect(outcome).toBe('ERR_SOCKET_CLOSED');
        expect(addon.queued(intruder), 'bytes left on the new socket').toBe('for the new socket'.length);
        expect(addon.passcred(intruder), 'SO_PASSCRED on the new socket').toBe(0);
        [intruder, other].forEach((fd) => closeSync(fd));
        client.destroy();
      });
    }
  }
});

describe('one send at a time; the call-time arguments; options checked before anything starts', () => {
  for (const form of forms) {
    tabled(`a second send on a ${form} while the first waits for room is ERR_INVALID_STATE: the first goes out whole`, async () => {
      const { accepted, client } = await connect();
      const filled = fill(fdOf(client));
      const [file, spare] = addon.socketpair(addon.SOCK_STREAM);
      const big = Buffer.alloc(1 << 18, 'A');
      const first = sendFds(as(form, client), [file], { data: big });
      const second = sendFds(as(form, client), [file], { data: Buffer.alloc(1 << 18, 'B') }).then(
        () => 'sent',
        (error: { code?: string }) => error.code,
      );
      const third = sendCredentials(as(form, client)).then(
        () => 'sent',
        (error: { code?: string }) => error.code,
      );
      drain(fdOf(accepted), filled);
      const received = receiveFds(accepted, { maxData: 1 << 20 });
      const { fds, data } = await received;
      const rest: Buffer[] = [data];
      for (let got = data.length; got < big.length; ) {
        const more = await receiveFds(accepted, { maxData: big.length - got });
        rest.push(more.data);
        got += more.data.length;
      }
      expect(fds).toHaveLength(1);
      expect(Buffer.concat(rest).equals(big), 'the first send arrives whole, alone').toBe(true);
      await first;
      expect([await second, await third]).toEqual(['ERR_INVALID_STATE', 'ERR_INVALID_STATE']);
      await sendCredentials(as(form, client));
      [...fds, file, spare].forEach((fd) => closeSync(fd));
      client.destroy();
      accepted.destroy();
    });
  }

  tabled('a raw number whose waiting send holds a socket the caller closed is free for the socket that took it', async () => {
    const { accepted, client } = await connect();
    const filled = fill(fdOf(client));
    const [file, spare] = addon.socketpair(addon.SOCK_STREAM);
    const old = sendFd(fdOf(client), file).then(
      () => 'sent',
      (error: { code?: string }) => error.code,
    );
    const { number, intruder, other } = await swapInPair(client, () => {});
    expect(intruder).toBe(number);
    await sendCredentials(intruder);
    expect(addon.queued(other), 'the new socket got its byte').toBe(1);
    drain(fdOf(accepted), filled);
    expect(await old).toBe('ERR_SOCKET_CLOSED');
    expect(addon.queued(fdOf(accepted)), 'bytes that reached the old peer').toBe(0);
    [intruder, other, file, spare].forEach((fd) => closeSync(fd));
    accepted.destroy();
  });

  tabled('sendFds sends the descriptors its array held when called, whatever the caller does to the array meanwhile', async () => {
    const { accepted, client } = await connect();
    const filled = fill(fdOf(client));
    const [a, b] = addon.socketpair(addon.SOCK_STREAM);
    const [c, d] = addon.socketpair(addon.SOCK_STREAM);
    const fds = [a, b];
    const sending = sendFds(client, fds);
    fds.splice(0, 2, c);
    drain(fdOf(accepted), filled);
    await sending;
    const received = await receiveFds(accepted);
    expect(received.fds.map((fd) => fstatSync(fd).ino)).toEqual([a, b].map((fd) => fstatSync(fd).ino));
    [...received.fds, a, b, c, d].forEach((fd) => closeSync(fd));
    client.destroy();
    accepted.destroy();
  });

  tabled('a signal that is no AbortSignal is ERR_INVALID_ARG_TYPE before any wait starts (no descriptor held)', async () => {
    // Calls that would wait: receives on a connection with nothing to read, sends on one with no room.
    const idle = await connect();
    const full = await connect();
    fill(fdOf(full.client));
    const [file, spare] = addon.socketpair(addon.SOCK_STREAM);
    const before = fdTable();
    const fake = { signal: { aborted: false } as AbortSignal };
    const calls = (options: never) => [
      () => receiveFds(idle.accepted, options),
      () => receiveCredentials(idle.accepted, options),
      () => receiveFd(idle.accepted, options),
      () => sendFd(full.client, file, options),
      () => sendFds(full.client, [file], options),
      () => sendCredentials(full.client, options),
    ];
    for (const call of [...calls(fake as never), ...calls(5 as never)]) {
      await expect(call()).rejects.toMatchObject({ name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' });
      expect(fdTable()).toEqual(before);
    }
    await expect(receiveCredentials(idle.accepted, { pidfd: 'yes' as never })).rejects.toMatchObject({ code: 'ERR_INVALID_ARG_TYPE' });
    expect(fdTable()).toEqual(before);
    [file, spare].forEach((fd) => closeSync(fd));
    [idle, full].forEach(({ accepted, client }) => (accepted.destroy(), client.destroy()));
  }, false);

  tabled('many waits sharing one AbortSignal: one listener, no MaxListenersExceededWarning; all abort', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    const controller = new AbortController();
    const pairs: Awaited<ReturnType<typeof connect>>[] = [];
    for (let i = 0; i < 12; i++) pairs.push(await connect());
    const waits = pairs.map(({ accepted }) => receiveFds(accepted, { signal: controller.signal }).catch((error: { code?: string }) => error.code));
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    expect(await Promise.all(waits)).toEqual(new Array(12).fill('ABORT_ERR'));
    await settle();
    process.off('warning', onWarning);
    expect(warnings).toEqual([]);
    pairs.forEach(({ accepted, client }) => (accepted.destroy(), client.destroy()));
  });
});

describe('a listening descriptor (socket activation) has no peer to pass anything with', () => {
  tabled('every passing call answers ENOTCONN, and SO_PASSCRED is never turned on for it', async () => {
    const listener = net.createServer().listen(join(dir, 'listener.sock'));
    await once(listener, 'listening');
    const fd = (listener as unknown as { _handle: { fd: number } })._handle.fd;
    const [file, spare] = addon.socketpair(addon.SOCK_STREAM);
    for (const call of [() => receiveCredentials(fd), () => receiveFds(fd), () => receiveFd(fd), () => sendFd(fd, file), () => sendFds(fd, [file]), () => sendCredentials(fd)]) {
      await expect(call()).rejects.toMatchObject({ code: 'ENOTCONN' });
    }
    expect(addon.passcred(fd), 'SO_PASSCRED on the listener').toBe(0);
    [file, spare].forEach((each) => closeSync(each));
    await new Promise((resolve) => listener.close(resolve));
  }, false);
});

describe('SOCK_SEQPACKET', () => {
  tabled('a message longer than maxData: its first maxData bytes and truncated: true; the next message is whole', async () => {
    const [a, b] = addon.socketpair(addon.SOCK_SEQPACKET);
    const [file, spare] = addon.socketpair(addon.SOCK_STREAM);
    await sendFds(a, [file], { data: Buffer.from('a long message') });
    await sendFds(a, [file], { data: Buffer.from('short') });
    const first = await receiveFds(b, { maxData: 6 });
    const second = await receiveFds(b, { maxData: 6 });
    expect({ data: first.data.toString(), truncated: first.truncated }).toEqual({ data: 'a long', truncated: true });
    expect({ data: second.data.toString(), truncated: second.truncated }).toEqual({ data: 'short', truncated: false });
    [...first.fds, ...second.fds, a, b, file, spare].forEach((fd) => closeSync(fd));
  }, false);
});
