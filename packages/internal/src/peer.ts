import { checkDescriptor, handleOf, rawDescriptor, type Handle } from './descriptor.js';

/** The `arg` bit that makes a native peer query refuse a listening socket (include/unix_cred/os.h). */
export const UC_CHECK_LISTENING = 1;

// Handles whose descriptor answered a peer query once: a connected socket never starts listening,
// so later queries on the same handle skip the listening check. Keyed by handle, never by fd number.
const verifiedHandles = new WeakSet<Handle>();

/** A peer query: `read(fd, arg)` asks the kernel; arg carries UC_CHECK_LISTENING where the check is still due. */
export type PeerRead<T> = (fd: number, arg: number) => T;

/**
 * Turns a read of peer data into a function of any SocketLike. Raw descriptors are checked on every
 * call (their numbers are reused the moment a socket closes). With `copy`, a net.Socket's answer is
 * cached for the life of its handle (peer credentials never change for the life of a connection) and
 * each caller gets its own copy; without it every call reads anew (for results that are resources).
 */
export function peerQuery<T>(read: PeerRead<T>, copy?: (value: T) => T): (socket: unknown) => T {
  const cache = copy === undefined ? null : new WeakMap<Handle, T>();
  return (socket) => {
    if (typeof socket === 'number') return read(checkDescriptor(socket), UC_CHECK_LISTENING);
    const handle = handleOf(socket);
    if (handle === null) return read(rawDescriptor(socket), UC_CHECK_LISTENING);
    let value = cache?.get(handle);
    if (value === undefined) {
      value = read(handle.fd, verifiedHandles.has(handle) ? 0 : UC_CHECK_LISTENING);
      cache?.set(handle, value);
      verifiedHandles.add(handle);
    }
    return copy === undefined ? value : copy(value);
  };
}
