// Case 6: every row of docs/api.md's error table, for every peer query; 10,000 failing calls leak no descriptor.
import dgram from 'node:dgram';
import { once } from 'node:events';
import { closeSync, fstatSync, openSync } from 'node:fs';
import net from 'node:net';
import { constants } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPeerCredentials, getPeerPidUidGid, getPeerProcess, getPeerUidGid } from 'unix-cred';
import {
  PIDFD_EXPECTED,
  Scope,
  TCP_HANDLE_HAS_NO_FD,
  connectUnix,
  fdOf,
  linux,
  listenUnix,
  openDescriptorCount,
  tempDir,
  thrown,
  unusedDescriptor,
  type CodedError,
} from '../fixtures/helpers.js';

const CALLS = 10_000;

// Every peer query of the public API; pidfd ones only where SO_PEERPIDFD exists (without it, which error
// comes first for a bad input is unspecified; exited-peer.test.ts checks ERR_UNIX_CRED_UNSUPPORTED).
type Query = [name: string, query: (socket: never) => unknown];
const queries: Query[] = [
  ['getPeerCredentials', getPeerCredentials],
  ['getPeerUidGid', getPeerUidGid],
  ['getPeerPidUidGid', getPeerPidUidGid],
];
if (PIDFD_EXPECTED) queries.push(['getPeerProcess', getPeerProcess]);
if (linux) {
  queries.push(['linux.getUcred', linux.getUcred], ['linux.getPeerGroups', linux.getPeerGroups]);
  queries.push(['linux.getPeerSecurityContext', linux.getPeerSecurityContext]);
  if (PIDFD_EXPECTED) queries.push(['linux.getPeerPidfd', linux.getPeerPidfd], ['linux.openPeerPidfd', linux.openPeerPidfd]);
}

/** Sockets and descriptors the error cases need, made once for the file. */
const scope = new Scope();
let file = -1;
let notOpen = -1;
let tcpClient: net.Socket;
let tcpAccepted: net.Socket;
let udpFd: number | null = null;
let unconnectedUnix: { fd: number; close(): void } | null = null;
let listening: net.Server;
let destroyed: net.Socket;

/** The descriptor of a bound UDP socket. dgram keeps its handle behind a symbol, not `_handle`. */
async function udpDescriptor(): Promise<number | null> {
  const socket = dgram.createSocket('udp4');
  scope.defer(() => socket.close());
  socket.bind(0, '127.0.0.1');
  await once(socket, 'listening');
  for (const symbol of Object.getOwnPropertySymbols(socket)) {
    const fd = (socket as unknown as Record<symbol, { handle?: { fd?: unknown } } | undefined>)[symbol]?.handle?.fd;
    if (typeof fd === 'number' && fd >= 0) return fd;
  }
  return null;
}

/** A bound, never connected AF_UNIX socket: libuv's Pipe handle after bind() (net never exposes one). */
function unconnectedUnixSocket(dir: string): { fd: number; close(): void } | null {
  try {
    const binding = (process as unknown as { binding(name: string): unknown }).binding('pipe_wrap') as {
      Pipe: new (type: number) => { fd: number; bind(path: string): number; close(): void };
      constants: { SOCKET: number };
    };
    const pipe = new binding.Pipe(binding.constants.SOCKET);
    if (pipe.bind(join(dir, 'unconnected.sock')) !== 0 || pipe.fd < 0) return null;
    return pipe;
  } catch {
    return null;
  }
}

beforeAll(async () => {
  const dir = tempDir(scope);
  file = openSync(join(dir, 'plain-file'), 'w');
  scope.defer(() => closeSync(file));
  notOpen = unusedDescriptor();

  const tcpServer = net.createServer().listen(0, '127.0.0.1');
  scope.defer(() => tcpServer.close());
  await once(tcpServer, 'listening');
  const accepted = once(tcpServer, 'connection');
  tcpClient = net.connect((tcpServer.address() as net.AddressInfo).port, '127.0.0.1');
  scope.defer(() => tcpClient.destroy());
  await once(tcpClient, 'connect');
  [tcpAccepted] = (await accepted) as [net.Socket];
  scope.defer(() => tcpAccepted.destroy());

  udpFd = await udpDescriptor();
  unconnectedUnix = unconnectedUnixSocket(dir);
  if (unconnectedUnix) scope.defer(() => unconnectedUnix!.close());

  listening = (await listenUnix(scope, dir)).server;
  destroyed = await connectUnix(scope, join(dir, 'peer.sock'));
  destroyed.destroy();
});

afterAll(() => scope.close());

interface Row {
  name: string;
  input: () => unknown;
  code: string;
  type?: typeof TypeError | typeof RangeError;
  /** A Node-style system error: numeric errno and syscall too. */
  system?: boolean;
  unavailable?: () => string | null;
}

const rows: Row[] = [
  // argument of the wrong type
  { name: 'a string', input: () => '/run/socket', code: 'ERR_INVALID_ARG_TYPE', type: TypeError },
  { name: 'an empty object', input: () => ({}), code: 'ERR_INVALID_ARG_TYPE', type: TypeError },
  { name: 'null', input: () => null, code: 'ERR_INVALID_ARG_TYPE', type: TypeError },
  { name: 'undefined', input: () => undefined, code: 'ERR_INVALID_ARG_TYPE', type: TypeError },
  { name: '{ fd: "3" }', input: () => ({ fd: '3' }), code: 'ERR_INVALID_ARG_TYPE', type: TypeError },
  // negative or non-integer descriptor
  { name: '-1', input: () => -1, code: 'ERR_OUT_OF_RANGE', type: RangeError },
  { name: '1.5', input: () => 1.5, code: 'ERR_OUT_OF_RANGE', type: RangeError },
  { name: 'NaN', input: () => NaN, code: 'ERR_OUT_OF_RANGE', type: RangeError },
  { name: '{ fd: -1 }', input: () => ({ fd: -1 }), code: 'ERR_OUT_OF_RANGE', type: RangeError },
  // net.Socket with no descriptor
  { name: 'a net.Socket not yet connected', input: () => new net.Socket(), code: 'ERR_SOCKET_CLOSED' },
  { name: 'a destroyed net.Socket', input: () => destroyed, code: 'ERR_SOCKET_CLOSED' },
  // not a socket, bad descriptor
  { name: 'the descriptor of a file', input: () => file, code: 'ENOTSOCK', system: true },
  { name: '{ fd } of a file', input: () => ({ fd: file }), code: 'ENOTSOCK', system: true },
  { name: 'a closed descriptor number', input: () => notOpen, code: 'EBADF', system: true },
  // not AF_UNIX: the kernel's pid 0 / uid 4294967295 sentinel must never come out
  { name: 'a TCP client net.Socket', input: () => tcpClient, code: 'ERR_UNIX_CRED_NOT_UNIX_SOCKET', unavailable: () => TCP_HANDLE_HAS_NO_FD },
  { name: 'an accepted TCP descriptor', input: () => fdOf(tcpAccepted), code: 'ERR_UNIX_CRED_NOT_UNIX_SOCKET', unavailable: () => TCP_HANDLE_HAS_NO_FD },
  {
    name: 'a UDP descriptor',
    input: () => udpFd,
    code: 'ERR_UNIX_CRED_NOT_UNIX_SOCKET',
    unavailable: () => (udpFd === null ? "this Node's dgram socket exposes no descriptor" : null),
  },
  // listening, unconnected: never the caller's own credentials
  {
    name: 'an unconnected AF_UNIX descriptor',
    input: () => unconnectedUnix?.fd,
    code: 'ENOTCONN',
    unavailable: () => (unconnectedUnix === null ? "this Node has no process.binding('pipe_wrap') to make one" : null),
  },
  { name: 'a listening net.Server', input: () => listening, code: 'ENOTCONN' },
  { name: 'the descriptor of a listening socket', input: () => fdOf(listening), code: 'ENOTCONN' },
  { name: '{ fd } of a listening socket (socket activation)', input: () => ({ fd: fdOf(listening) }), code: 'ENOTCONN' },
];

function expectRow(error: CodedError, row: Row, query: string): void {
  expect(error, query).toBeInstanceOf(row.type ?? Error);
  expect(error.code, query).toBe(row.code);
  expect(error.message, query).toEqual(expect.any(String));
  if (!row.system) return;
  expect(Math.abs(error.errno ?? 0), `${query}: errno`).toBe(constants.errno[row.code as keyof typeof constants.errno]);
  expect(error.syscall, `${query}: syscall`).toBe('getsockopt');
}

describe('the error table', () => {
  it.for(rows)('$name → $code; no descriptor leaked over 10,000 failing calls', (row, { skip }) => {
    const reason = row.unavailable?.();
    skip(reason !== null && reason !== undefined, reason ?? undefined);
    if (row.code === 'EBADF') expect(() => fstatSync(notOpen), 'the number is not open').toThrow(expect.objectContaining({ code: 'EBADF' }));
    for (const [name, query] of queries) expectRow(thrown(() => query(row.input() as never)), row, name);

    const input = row.input() as never;
    const before = openDescriptorCount();
    const wrong: string[] = [];
    for (let i = 0; i < CALLS; i++) {
      const [name, query] = queries[i % queries.length]!;
      try {
        query(input);
        wrong.push(`${name} returned`);
      } catch (error) {
        if ((error as CodedError).code !== row.code) wrong.push(`${name}: ${(error as CodedError).code}`);
      }
    }
    const after = openDescriptorCount();
    expect(wrong.slice(0, 5)).toEqual([]);
    // Where the OS lists no descriptors (not Linux or macOS) the calls still ran, only uncounted.
    if (before !== null) expect(after, 'open descriptors').toBe(before);
  });
});
