import type { Socket } from 'node:net';
import { checkDescriptor, handleOf, rawDescriptor, type Handle } from './descriptor.js';
import { builtin } from './errors.js';
import type { Native } from './native.js';

// What the peer queries learnt about a net.Socket, kept on its libuv handle under this symbol (so for the life
// of the handle, and keyed by handle, never by descriptor number): present once the descriptor answered a
// query (a connected socket never starts listening, so later queries skip that check), holding the answer of
// each caching query at its slot. Not a WeakMap: an entry for a new handle costs V8 more (ephemeron
// bookkeeping, about a microsecond) than the query's system calls, and a server makes one per connection.
const kAnswers = Symbol('unix-cred peer answers');
type Answered = Handle & { [kAnswers]?: unknown[] };
let slots = 0;

/** Whether a handle's descriptor has answered a peer or passing call: an AF_UNIX socket with a peer, never listening. */
export function isKnownPeerSocket(handle: Handle): boolean {
  return (handle as Answered)[kAnswers] !== undefined;
}

/** Records that a handle's descriptor answered a passing call (a frozen stand-in stays checked on every call). */
export function markKnownPeerSocket(handle: Handle): void {
  const answered = handle as Answered;
  if (answered[kAnswers] === undefined && Object.isExtensible(answered)) answered[kAnswers] = [];
}

let NetSocket: typeof Socket | undefined;

/** Whether a socket is a connection a net.Server accepted: Node sets `_server` on those alone (lib/net.js onconnection). */
function accepted(socket: object): boolean {
  if ((socket as { _server?: unknown })._server == null) return false;
  // Loaded here, not at import: whoever holds a net.Socket has loaded node:net already.
  NetSocket ??= builtin('node:net').Socket;
  return socket instanceof NetSocket;
}

/** A peer query: `read(fd, arg)` asks the kernel; arg carries the native CHECK_LISTENING bit where the check is still due. */
export type PeerRead<T> = (fd: number, arg: number) => T;

/**
 * Turns a read of peer data into a function of any SocketLike. Raw descriptors are checked on every
 * call (their numbers are reused the moment a socket closes). With `copy`, a net.Socket's answer is
 * cached for the life of its handle (peer credentials never change for the life of a connection) and
 * each caller gets its own copy; without it every call reads anew (for results that are resources).
 * Where the OS's row says an accepted socket never listens, a net.Server's connection is not checked either.
 */
export function peerQuery<T>(native: Pick<Native<string>, 'constants' | 'capabilities'>, read: PeerRead<T>, copy?: (value: T) => T): (socket: unknown) => T {
  const slot = copy === undefined ? -1 : slots++;
  const { constants } = native;
  const acceptedNeverListens = native.capabilities.acceptedSocketNeverListens;
  return (socket) => {
    if (typeof socket === 'number') return read(checkDescriptor(socket), constants.CHECK_LISTENING);
    const handle = handleOf(socket) as Answered | null;
    if (handle === null) return read(rawDescriptor(socket), constants.CHECK_LISTENING);
    let answers = handle[kAnswers];
    let value = slot < 0 || answers === undefined ? undefined : (answers[slot] as T | undefined);
    if (value === undefined) {
      value = read(handle.fd, answers === undefined && !(acceptedNeverListens && accepted(socket as object)) ? constants.CHECK_LISTENING : 0);
      // A handle that cannot take the symbol (a frozen stand-in) is checked and read on every call.
      if (answers === undefined && Object.isExtensible(handle)) handle[kAnswers] = answers = [];
      if (slot >= 0 && answers !== undefined) answers[slot] = value;
    }
    return copy === undefined ? value : copy(value);
  };
}
