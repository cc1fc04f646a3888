import type { Socket } from 'node:net';
import { invalidArgType, invalidState, outOfRange, socketClosed } from './errors.js';

/** A connected `net.Socket`, a raw descriptor, or any object with a numeric `fd` property. */
export type SocketLike = Socket | number | { readonly fd: number };

/** The libuv handle behind a net.Socket or net.Server: its lifetime bounds every per-socket cache. */
export interface Handle {
  readonly fd: number;
}

const MAX_FD = 0x7fffffff;

/** `index`: fd is that element of the array `name`, named only in an error (no string per valid element). */
export function checkDescriptor(fd: unknown, name = 'fd', index?: number): number {
  if (typeof fd === 'number' && Number.isInteger(fd) && fd >= 0 && fd <= MAX_FD) return fd;
  const label = index === undefined ? name : `${name}[${index}]`;
  if (typeof fd !== 'number') throw invalidArgType(label, 'of type number', fd);
  throw outOfRange(label, `an integer >= 0 and <= ${MAX_FD}`, fd);
}

/**
 * The libuv handle of a net.Socket-like object, or null for a raw descriptor or a plain `{ fd }` object.
 * Throws ERR_SOCKET_CLOSED for a socket that has no descriptor (not connected yet, or destroyed).
 */
export function handleOf(socket: unknown): Handle | null {
  if (typeof socket !== 'object' || socket === null || !('_handle' in socket)) return null;
  const handle = socket._handle;
  if (handle === null || handle === undefined) throw socketClosed();
  const fd = (handle as { fd?: unknown }).fd;
  if (typeof fd !== 'number') throw invalidArgType('socket', 'a UNIX-domain net.Socket (its handle has no descriptor)', socket);
  if (fd < 0) throw socketClosed();
  return handle as Handle;
}

/** The descriptor of a raw number or `{ fd }` object (not a net.Socket: see handleOf). */
export function rawDescriptor(socket: unknown): number {
  if (typeof socket === 'number') return checkDescriptor(socket);
  if (typeof socket === 'object' && socket !== null && 'fd' in socket) return checkDescriptor(socket.fd, 'socket.fd');
  throw invalidArgType('socket', 'a net.Socket, a descriptor number or an object with an fd property', socket);
}

/** The descriptor of any SocketLike. */
export function descriptorOf(socket: unknown): number {
  const handle = handleOf(socket);
  return handle === null ? rawDescriptor(socket) : handle.fd;
}

/** The descriptor of a listening net.Server or of any SocketLike, for `call` (named in the error) that sets a socket option. */
export function serverOrSocketDescriptor(target: unknown, call: string): number {
  if (typeof target === 'object' && target !== null && '_handle' in target && target._handle == null && 'listen' in target) {
    throw invalidState(`the server is not listening: call ${call}(server) right after server.listen()`);
  }
  return descriptorOf(target);
}
