/**
 * Credential and descriptor passing over a UNIX-domain socket in GLib UnixConnection's wire format (one
 * byte plus its control message), for every platform package. The native ops (include/unix_cred/passing.h)
 * never wait: on UC_E_WOULD_BLOCK this module waits for the socket on the calling thread's event loop
 * (include/unix_cred/async.h) and tries again, so no thread is ever blocked.
 *
 * libuv reads a net.Socket with read(), which drops control messages and closes passed descriptors, and
 * writes it from its own queue. So a net.Socket is only received from while paused, with nothing buffered
 * (libuv's reading stopped here), and only sent to with Node's write queue empty (and corked while a send
 * waits): then the bytes before, the byte and the bytes after stay in order, and none is lost or read twice.
 */
import type { Server, Socket } from 'node:net';
import { checkDescriptor, handleOf, rawDescriptor, serverOrSocketDescriptor, type Handle } from './descriptor.js';
import { abortError, invalidArgType, invalidState, noMessage, outOfRange, socketClosed, systemError, unsupported } from './errors.js';
import type { Native } from './native.js';
import { isKnownPeerSocket, markKnownPeerSocket } from './peer.js';

export type PassingOp = 'passEnable' | 'passSendCredentials' | 'passReceiveCredentials' | 'passSendFds' | 'passReceiveFds';

/** The ops every platform addon registers (UC_PASSING_OPERATIONS in include/unix_cred/passing_ops.h). */
export const passingOps: readonly PassingOp[] = ['passEnable', 'passSendCredentials', 'passReceiveCredentials', 'passSendFds', 'passReceiveFds'];

/** A connected net.Socket, a raw descriptor, or an object with a numeric `fd`. */
export type PassingSocket = Socket | number | { readonly fd: number };

/** Credentials that came with a byte (receiveCredentials). */
export interface ReceivedCredentials {
  /** null where the OS cannot say (a pid namespace this process cannot see, FreeBSD's LOCAL_CREDS, DragonFly...). */
  pid: number | null;
  uid: number;
  gid: number;
  groups: number[] | null;
  /**
   * 'message': the credential message the kernel delivered with the byte. 'peer': the socket's peer
   * credentials (as of connect() or listen()), where the OS has no credential messages or none came; never on
   * a datagram socket, whose senders may be anyone: there a message without credentials is ERR_UNIX_CRED_NO_MESSAGE.
   */
  source: 'message' | 'peer';
}

export interface PassingOptions {
  /** Aborts the wait: the call rejects with an AbortError and nothing is consumed from the socket. */
  signal?: AbortSignal;
}

export interface ReceiveCredentialsOptions extends PassingOptions {
  /** Linux 6.5+: also hand over the pidfd the kernel attached (SO_PASSPIDFD); the caller closes it. */
  pidfd?: boolean;
}

export interface SendFdsOptions extends PassingOptions {
  /** The bytes the descriptors go with (at least one): a NUL byte by default, as GLib's send_fd. */
  data?: Uint8Array;
}

export interface ReceiveFdsOptions extends PassingOptions {
  /** Descriptors kept; any beyond are closed. Default 253 (the most one message carries on Linux). */
  maxFds?: number;
  /** Bytes read with them, at most. Default 65536. */
  maxData?: number;
}

export interface ReceivedFds {
  fds: number[];
  /** The bytes read in the same recvmsg as the descriptors. */
  data: Buffer;
}

export interface Passing {
  /** Makes the kernel attach credentials to what peers send (the OS's option; see the package README). Call it right after listen(). */
  enableCredentialPassing(target: Server | PassingSocket): void;
  /** Sends one NUL byte with this process's credentials where the OS has credential messages (GLib send_credentials). */
  sendCredentials(socket: PassingSocket, options?: PassingOptions): Promise<void>;
  /**
   * Reads that byte and the credentials that came with it, or the peer credentials where none can (source 'peer').
   * On a datagram or seqpacket socket (a raw descriptor) it reads one whole message: its other bytes are discarded.
   */
  receiveCredentials(socket: PassingSocket, options?: ReceiveCredentialsOptions): Promise<ReceivedCredentials & { pidfd?: number | null }>;
  /** Sends descriptors (SCM_RIGHTS) with `data` (default one NUL byte); the caller still owns them. */
  sendFds(socket: PassingSocket, fds: readonly number[], options?: SendFdsOptions): Promise<void>;
  /** Receives close-on-exec descriptors (the caller owns them) and the bytes of the same read; beyond maxFds they are closed. */
  receiveFds(socket: PassingSocket, options?: ReceiveFdsOptions): Promise<ReceivedFds>;
  /** Sends one descriptor with one NUL byte (GLib send_fd). */
  sendFd(socket: PassingSocket, fd: number, options?: PassingOptions): Promise<void>;
  /** Receives one descriptor and its byte (GLib receive_fd); extra descriptors are closed. */
  receiveFd(socket: PassingSocket, options?: PassingOptions): Promise<number>;
}

/** What a platform package adds: the peer credentials of the OS (the 'peer' source), and close(2). */
export interface PassingPlatform {
  peer(socket: PassingSocket): Omit<ReceivedCredentials, 'source'>;
  close?(fd: number): void;
}

// include/unix_cred/passing.h and async.h.
const READABLE = 1;
const WRITABLE = 2;
const CHECK = 1;
const KEEP_PIDFD = 2;
const CRED_MESSAGE = 1;
const CRED_PID = 2;
const CRED_GROUPS = 4;
const CRED_PIDFD = 8;
const CRED_DATAGRAM = 16;
const MAX_SEND_FDS = 253;
const MAX_RECEIVE_FDS = 512;
const DEFAULT_MAX_DATA = 65536;
const MAX_DATA = 1 << 24;
const NUL = new Uint8Array(1);
const RUNTIME_WITHOUT_LIBUV = process.versions.bun === undefined ? null : `Bun ${process.versions.bun}`;

const AGAIN = Symbol('again');
type Attempt<T> = () => T | typeof AGAIN;

/** The libuv handle of a net.Socket, as lib/net.js uses it. */
interface StreamHandle extends Handle {
  reading?: boolean;
  readStop?(): number;
}

interface Target {
  fd: number;
  /** CHECK until the descriptor has been seen to be AF_UNIX (once per net.Socket handle). */
  check: number;
  socket: Socket | null;
  handle: StreamHandle | null;
}

let lastWait = 0;

function isSocket(value: object): value is Socket {
  return typeof (value as Socket).isPaused === 'function' && typeof (value as Socket).cork === 'function';
}

function targetOf(socket: unknown): Target {
  const handle = handleOf(socket) as StreamHandle | null;
  if (handle === null) return { fd: rawDescriptor(socket), check: CHECK, socket: null, handle: null };
  if (!isSocket(socket as object)) throw invalidArgType('socket', 'a net.Socket, a descriptor number or an object with an fd property', socket);
  return { fd: handle.fd, check: isKnownPeerSocket(handle) ? 0 : CHECK, socket: socket as Socket, handle };
}

function checked(target: Target): void {
  if (target.check === 0) return;
  if (target.handle !== null) markKnownPeerSocket(target.handle);
  target.check = 0;
}

function signalOf(options: PassingOptions | undefined): AbortSignal | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null) throw invalidArgType('options', 'an object', options);
  const { signal } = options;
  if (signal !== undefined && (typeof signal !== 'object' || signal === null || typeof signal.aborted !== 'boolean')) {
    throw invalidArgType('options.signal', 'an AbortSignal', signal);
  }
  return signal;
}

function integerOption(value: unknown, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number') throw invalidArgType(name, 'of type number', value);
  if (!Number.isInteger(value) || value < min || value > max) throw outOfRange(name, `an integer >= ${min} and <= ${max}`, value);
  return value;
}

/** Stops libuv reading a paused net.Socket, and refuses one whose bytes Node is reading or has read. */
function holdForReceive(target: Target): void {
  const { socket, handle } = target;
  if (socket === null || handle === null) return;
  if (!socket.isPaused()) {
    throw invalidState(
      'the socket is flowing: Node reads it with read(), which drops control messages and closes passed descriptors. ' +
        'Create the server with net.createServer({ pauseOnConnect: true }), or call socket.pause() before the peer sends',
    );
  }
  // pause() alone leaves libuv reading until the stream's buffer fills; net.Socket restarts it on resume().
  handle.readStop?.();
  handle.reading = false;
  if (socket.readableLength > 0) {
    throw invalidState(
      `Node has already read ${socket.readableLength} bytes of this socket that are not consumed yet: the byte this call waits for ` +
        'may be among them, without its control message. Pause the socket before the peer sends, and consume what came before',
    );
  }
}

/** Refuses a net.Socket with queued writes (a direct sendmsg would overtake them); corks it while a send waits. */
async function whileSending<T>(target: Target, send: () => T | Promise<T>): Promise<T> {
  const { socket } = target;
  if (socket === null) return send();
  if (socket.writableLength > 0) {
    throw invalidState(
      `${socket.writableLength} bytes written earlier are still queued in Node: a direct sendmsg would overtake them. ` +
        "Send once their write callback ran (or on 'drain')",
    );
  }
  socket.cork();
  try {
    return await send();
  } finally {
    socket.uncork();
  }
}

/** Peer credentials whose pid 0 (a peer the kernel cannot name to this process) becomes null. */
export function pidOrNull<T extends { pid: number }>(cred: T): Omit<T, 'pid'> & { pid: number | null } {
  return cred.pid === 0 ? { ...cred, pid: null } : cred;
}

export function createPassing(native: Native<PassingOp>, platform: PassingPlatform): Passing {
  const { ops, words, wouldBlock } = native;
  // Descriptors in the inline byte area: sendFds's input, receiveFds's result when it fits there.
  const inlineFds = new Int32Array(native.input.buffer, native.input.byteOffset, MAX_RECEIVE_FDS);
  const fail = (result: number | ArrayBuffer, syscall: string, feature: string): void => {
    if (typeof result === 'number' && result < 0) native.fail(result, syscall, feature);
  };

  /** Waits until the socket is ready; AbortError on abort, ERR_SOCKET_CLOSED when the net.Socket is destroyed. */
  async function ready(target: Target, events: number, signal: AbortSignal | undefined): Promise<number> {
    // Bun's Node-API has no libuv loop to poll on (uv_poll_init would abort the process).
    if (RUNTIME_WITHOUT_LIBUV) throw unsupported(`waiting for a socket in ${RUNTIME_WITHOUT_LIBUV}: it has no libuv event loop`);
    const id = (lastWait = (lastWait % 0x7fffffff) + 1);
    const pending = native.wait(target.fd, events, id);
    if (typeof pending === 'number') native.fail(pending, 'uv_poll_init', 'waiting for the socket');
    let reason: (() => Error) | null = null;
    const cancel = (why: () => Error) => () => {
      reason ??= why;
      native.cancel(id);
    };
    const onAbort = cancel(() => abortError(signal!));
    const onClose = cancel(socketClosed);
    signal?.addEventListener('abort', onAbort, { once: true });
    target.socket?.once('close', onClose);
    try {
      const status = await pending;
      if (reason !== null) throw (reason as () => Error)();
      return status;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      target.socket?.off('close', onClose);
    }
  }

  /**
   * Tries at once, and again each time the socket is ready, until the attempt does not have to wait. Only
   * a wait makes a promise: a socket that is ready costs no extra tick (callers await the result anyway).
   */
  function attempt<T>(target: Target, events: number, signal: AbortSignal | undefined, once: Attempt<T>): T | Promise<T> {
    if (signal?.aborted) throw abortError(signal);
    const result = once();
    return result === AGAIN ? retry(target, events, signal, once) : result;
  }

  async function retry<T>(target: Target, events: number, signal: AbortSignal | undefined, once: Attempt<T>): Promise<T> {
    for (;;) {
      const status = await ready(target, events, signal);
      if (status < 0) {
        // The poll failed (POLLERR): one more attempt says why, else the poll's error does.
        const last = once();
        if (last !== AGAIN) return last;
        throw systemError(-status, 'uv_poll');
      }
      if (signal?.aborted) throw abortError(signal);
      const result = once();
      if (result !== AGAIN) return result;
    }
  }

  function enableCredentialPassing(target: Server | PassingSocket): void {
    const rc = ops.passEnable(serverOrSocketDescriptor(target, 'enableCredentialPassing'), CHECK);
    fail(rc, 'setsockopt', 'credential passing');
  }

  async function sendCredentials(socket: PassingSocket, options?: PassingOptions): Promise<void> {
    const signal = signalOf(options);
    const target = targetOf(socket);
    await whileSending(target, () =>
      attempt(target, WRITABLE, signal, () => {
        const rc = ops.passSendCredentials(target.fd, target.check);
        if (rc === wouldBlock) return AGAIN;
        fail(rc, 'sendmsg', 'credentials');
        checked(target);
        return undefined;
      }),
    );
  }

  async function receiveCredentials(socket: PassingSocket, options?: ReceiveCredentialsOptions): Promise<ReceivedCredentials & { pidfd?: number | null }> {
    const signal = signalOf(options);
    const keepPidfd = options?.pidfd === true;
    const target = targetOf(socket);
    holdForReceive(target);
    const message = await attempt(target, READABLE, signal, () => {
      const result = ops.passReceiveCredentials(target.fd, target.check | (keepPidfd ? KEEP_PIDFD : 0));
      if (result === wouldBlock) return AGAIN;
      fail(result, 'recvmsg', 'credentials');
      checked(target);
      const flags = words[0]!;
      return {
        flags,
        pid: flags & CRED_PID ? words[1]! : null,
        uid: words[2]!,
        gid: words[3]!,
        groups: flags & CRED_GROUPS ? native.gids(result) : null,
        pidfd: flags & CRED_PIDFD ? words[4]! : null,
      };
    });
    const { flags, pidfd, pid, uid, gid, groups } = message;
    let credentials: ReceivedCredentials;
    try {
      if (flags & CRED_DATAGRAM) throw noMessage('credentials (a datagram socket has no peer whose credentials could stand in)');
      // A literal, not rest and spread of `message`: this is the hot path.
      credentials = flags & CRED_MESSAGE ? { pid, uid, gid, groups, source: 'message' } : { ...platform.peer(socket), source: 'peer' };
    } catch (error) {
      if (pidfd !== null) platform.close?.(pidfd);
      throw error;
    }
    return keepPidfd ? { ...credentials, pidfd } : credentials;
  }

  async function sendFds(socket: PassingSocket, fds: readonly number[], options?: SendFdsOptions): Promise<void> {
    const signal = signalOf(options);
    if (!Array.isArray(fds)) throw invalidArgType('fds', 'an array of descriptors', fds);
    if (fds.length < 1 || fds.length > MAX_SEND_FDS) throw outOfRange('fds.length', `from 1 to ${MAX_SEND_FDS}`, fds.length);
    for (let i = 0; i < fds.length; i++) checkDescriptor(fds[i], 'fds', i);
    const data = options?.data ?? NUL;
    if (!(data instanceof Uint8Array)) throw invalidArgType('options.data', 'a Uint8Array', data);
    if (data.length < 1) throw outOfRange('options.data.length', 'at least 1 (descriptors travel with a byte)', data.length);
    const target = targetOf(socket);
    await whileSending(target, async () => {
      // The descriptors go with the first sendmsg; a large `data` follows in more. Only the first can be aborted:
      // after it, the rest must follow, or the peer would read a cut message.
      for (let offset = 0, count = fds.length; offset < data.length; count = 0) {
        offset += await attempt(target, WRITABLE, count > 0 ? signal : undefined, () => {
          const chunk = data.subarray(offset, offset + native.input.length - count * 4);
          if (count > 0) inlineFds.set(fds);
          native.input.set(chunk, count * 4);
          words[0] = chunk.length;
          const rc = ops.passSendFds(target.fd, (count << 1) | target.check) as number;
          if (rc === wouldBlock) return AGAIN;
          fail(rc, 'sendmsg', 'descriptors (SCM_RIGHTS)');
          checked(target);
          return rc;
        });
      }
    });
  }

  async function receiveFds(socket: PassingSocket, options?: ReceiveFdsOptions): Promise<ReceivedFds> {
    const signal = signalOf(options);
    const maxFds = Math.min(integerOption(options?.maxFds, 'options.maxFds', 0, 0x7fffffff, MAX_SEND_FDS), MAX_RECEIVE_FDS);
    const maxData = integerOption(options?.maxData, 'options.maxData', 1, MAX_DATA, DEFAULT_MAX_DATA);
    const target = targetOf(socket);
    holdForReceive(target);
    return attempt(target, READABLE, signal, () => {
      words[0] = maxData;
      const result = ops.passReceiveFds(target.fd, (maxFds << 1) | target.check);
      if (result === wouldBlock) return AGAIN;
      fail(result, 'recvmsg', 'descriptors (SCM_RIGHTS)');
      checked(target);
      const count = words[0]!;
      const bytes = native.bytes(result);
      const received = typeof result === 'number' ? inlineFds : new Int32Array(result, 0, count);
      // An index loop: Array.from on a typed array goes through its iterator, many times slower.
      const fds = new Array<number>(count);
      for (let i = 0; i < count; i++) fds[i] = received[i]!;
      return { fds, data: Buffer.from(bytes.subarray(count * 4, count * 4 + words[1]!)) };
    });
  }

  async function sendFd(socket: PassingSocket, fd: number, options?: PassingOptions): Promise<void> {
    checkDescriptor(fd, 'fd');
    return sendFds(socket, [fd], options?.signal === undefined ? {} : { signal: options.signal });
  }

  async function receiveFd(socket: PassingSocket, options?: PassingOptions): Promise<number> {
    const signal = signalOf(options);
    const { fds } = await receiveFds(socket, signal === undefined ? { maxFds: 1, maxData: 1 } : { maxFds: 1, maxData: 1, signal });
    if (fds.length === 0) throw noMessage('a descriptor (SCM_RIGHTS)');
    return fds[0]!;
  }

  return { enableCredentialPassing, sendCredentials, receiveCredentials, sendFds, receiveFds, sendFd, receiveFd };
}
