/**
 * Credential and descriptor passing over a UNIX-domain socket in GLib UnixConnection's wire format (one
 * byte plus its control message), for every platform package. The native ops (include/unix_cred/passing.h)
 * never wait: on UC_E_WOULD_BLOCK this module waits for the socket on the calling thread's event loop
 * (include/unix_cred/async.h) and tries again, so no thread is ever blocked.
 *
 * A call acts on the socket it was given and on nothing else. Its first try is made at once, while the
 * caller's descriptor number surely names that socket. A call that must wait (or go on after an await)
 * first holds a duplicate of the descriptor (and a send, of each descriptor it passes) and makes every later
 * system call on it: after any wait a number may name another file (the caller destroyed or closed theirs and
 * a new one took it). And after each wait a socket the caller destroyed or closed meanwhile settles the call
 * (ERR_SOCKET_CLOSED) before anything is sent or read.
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
  /**
   * On a datagram or seqpacket socket: the message was longer than maxData, and the kernel discarded the
   * rest of it (MSG_TRUNC). Always false on a stream, where the rest stays queued for the next read.
   */
  truncated: boolean;
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

const DEFAULT_MAX_DATA = 65536;
const MAX_DATA = 1 << 24;
const NUL = new Uint8Array(1);
const RUNTIME_WITHOUT_LIBUV = process.versions.bun === undefined ? null : `Bun ${process.versions.bun}`;

const AGAIN = Symbol('again');
/** One try of a system call on `fd` (the caller's descriptor, or the duplicate the call holds). */
type Attempt<T> = (fd: number) => T | typeof AGAIN;

/** The libuv handle of a net.Socket, as lib/net.js uses it. */
interface StreamHandle extends Handle {
  reading?: boolean;
  readStop?(): number;
}

/** One call's socket. */
interface Target {
  /** The caller's descriptor number: acted on only before the call's first await. */
  fd: number;
  /** The native PASS_CHECK bit until the descriptor has been seen to be AF_UNIX (once per net.Socket handle). */
  check: number;
  socket: Socket | null;
  handle: StreamHandle | null;
  /** The duplicate the call holds once it has to wait, -1 before: every later system call acts on it. */
  copy: number;
  /** The descriptors a send has yet to pass (the call's own array): a wait puts duplicates in their place (hold). */
  passing: number[] | null;
  /** The duplicates hold made of them, released with the socket's. */
  passed: number[] | null;
}

// The sends in progress that had to wait, by socket: a net.Socket's handle, or a raw descriptor's number.
const sending = new Map<Handle | number, Target>();
let lastWait = 0;

/** The descriptor the call's next system call acts on. */
const current = (target: Target): number => (target.copy < 0 ? target.fd : target.copy);

function isSocket(value: object): value is Socket {
  return typeof (value as Socket).isPaused === 'function' && typeof (value as Socket).cork === 'function';
}

/** The socket of a call; `check` is the native PASS_CHECK bit. */
function targetOf(socket: unknown, check: number): Target {
  const handle = handleOf(socket) as StreamHandle | null;
  if (handle === null) return { fd: rawDescriptor(socket), check, socket: null, handle: null, copy: -1, passing: null, passed: null };
  if (!isSocket(socket as object)) throw invalidArgType('socket', 'a net.Socket, a descriptor number or an object with an fd property', socket);
  return { fd: handle.fd, check: isKnownPeerSocket(handle) ? 0 : check, socket: socket as Socket, handle, copy: -1, passing: null, passed: null };
}

function checked(target: Target): void {
  if (target.check === 0) return;
  if (target.handle !== null) markKnownPeerSocket(target.handle);
  target.check = 0;
}

/** The options object (undefined or an object) and its signal (undefined or an AbortSignal), checked before anything starts. */
function signalOf(options: PassingOptions | undefined): AbortSignal | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null) throw invalidArgType('options', 'an object', options);
  const { signal } = options;
  if (signal !== undefined && !(signal instanceof AbortSignal)) throw invalidArgType('options.signal', 'an AbortSignal', signal);
  return signal;
}

// One listener per AbortSignal or net.Socket, however many waits share it (no MaxListenersExceededWarning).
const listeners = new WeakMap<object, Set<() => void>>();

/** Runs `cancel` when `subscribe`'s event fires on `source`, through a listener shared by every wait on it; returns the unsubscribe. */
function onEvent(source: object, subscribe: (fire: () => void) => void, cancel: () => void): () => void {
  let cancels = listeners.get(source);
  if (cancels === undefined) {
    const waiting = new Set<() => void>();
    listeners.set(source, (cancels = waiting));
    subscribe(() => {
      listeners.delete(source);
      for (const each of waiting) each();
    });
  }
  const set = cancels;
  set.add(cancel);
  return () => set.delete(cancel);
}

/**
 * The promise a passing call returns, without an async function's extra tick: a call that completes at once
 * (the socket was ready) settles it now, a call that must wait hands over its own, and a throw (a bad
 * argument, a failed system call) becomes the rejection it would be in an async function.
 */
function promised<T>(call: () => T | Promise<T>): Promise<T> {
  try {
    const result = call();
    return result instanceof Promise ? result : Promise.resolve(result);
  } catch (error) {
    return Promise.reject(error);
  }
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

export function createPassing(native: Native<PassingOp>, platform: PassingPlatform): Passing {
  const { ops, words, wouldBlock, constants } = native;
  // Descriptors in the inline byte area: sendFds's input, receiveFds's result when it fits there.
  const inlineFds = new Int32Array(native.input.buffer, native.input.byteOffset, native.input.length >> 2);
  const fail = (result: number | ArrayBuffer, syscall: string, feature: string): void => {
    if (typeof result === 'number' && result < 0) native.fail(result, syscall, feature);
  };

  /**
   * Refuses a socket with a send still waiting (the two would interleave their bytes), and a net.Socket with
   * queued writes (a direct sendmsg would overtake them); corks a net.Socket while a send waits.
   */
  function whileSending(target: Target, send: () => void | Promise<void>): void | Promise<void> {
    const { socket } = target;
    const key = target.handle ?? target.fd;
    const pending = sending.get(key);
    // A raw number whose waiting send holds another socket (the caller closed it, a new one took the number) is free.
    if (pending !== undefined && (target.handle !== null || native.same(target.fd, pending.copy) === 1)) {
      throw invalidState('a send on this socket is still waiting for room: await it first (sends go out whole, one after the other)');
    }
    if (socket !== null && socket.writableLength > 0) {
      throw invalidState(
        `${socket.writableLength} bytes written earlier are still queued in Node: a direct sendmsg would overtake them. ` +
          "Send once their write callback ran (or on 'drain')",
      );
    }
    const sent = send();
    if (sent === undefined) return;
    sending.set(key, target);
    socket?.cork();
    return sent.finally(() => {
      if (sending.get(key) === target) sending.delete(key);
      socket?.uncork();
    });
  }

  /**
   * Holds a duplicate of the caller's socket, and of each descriptor a send has yet to pass (put in its place);
   * only before the call's first await, while their numbers surely name what the caller gave.
   */
  function hold(target: Target): void {
    if (target.copy >= 0) return;
    const copy = native.hold(target.fd);
    if (copy < 0) native.fail(copy, 'fcntl', 'holding the socket');
    target.copy = copy;
    const fds = target.passing;
    if (fds === null) return;
    const passed: number[] = (target.passed = []);
    for (let i = 0; i < fds.length; i++) {
      const held = native.hold(fds[i]!);
      if (held < 0) native.fail(held, 'fcntl', `holding fds[${i}] while the send waits`);
      passed.push((fds[i] = held));
    }
  }

  function release(target: Target): void {
    if (target.passed !== null) for (const copy of target.passed) native.release(copy);
    target.passed = null;
    if (target.copy < 0) return;
    native.release(target.copy);
    target.copy = -1;
  }

  /** After an await: a socket the caller destroyed, or a descriptor it closed, settles the call before anything is sent or read. */
  function stillTheCallers(target: Target): void {
    const { socket } = target;
    const gone = socket !== null ? socket.destroyed || (socket as { _handle?: unknown })._handle !== target.handle : native.same(target.fd, target.copy) !== 1;
    if (gone) throw socketClosed('The socket was destroyed, or its descriptor closed, while the call waited: nothing was sent or read');
  }

  /** Waits until the held socket is ready; AbortError on abort, ERR_SOCKET_CLOSED when the net.Socket is destroyed. */
  async function ready(target: Target, events: number, signal: AbortSignal | undefined): Promise<number> {
    // Bun's Node-API has no libuv loop to poll on (uv_poll_init would abort the process).
    if (RUNTIME_WITHOUT_LIBUV) throw unsupported(`waiting for a socket in ${RUNTIME_WITHOUT_LIBUV}: it has no libuv event loop`);
    const id = (lastWait = (lastWait % 0x7fffffff) + 1);
    const pending = native.wait(target.copy, events, id);
    if (typeof pending === 'number') native.fail(pending, 'uv_poll_init', 'waiting for the socket');
    let reason: (() => Error) | null = null;
    const cancel = (why: () => Error) => () => {
      reason ??= why;
      native.cancel(id);
    };
    const { socket } = target;
    const offAbort = signal && onEvent(signal, (fire) => signal.addEventListener('abort', fire, { once: true }), cancel(() => abortError(signal)));
    const offClose = socket && onEvent(socket, (fire) => socket.once('close', fire), cancel(socketClosed));
    try {
      const status = await pending;
      if (reason !== null) throw (reason as () => Error)();
      return status;
    } finally {
      offAbort?.();
      offClose?.();
    }
  }

  /**
   * Tries at once, and again each time the socket is ready, until the attempt does not have to wait. Only
   * a wait makes a promise: a socket that is ready costs no extra tick (callers await the result anyway).
   * The caller releases the duplicates a wait holds (release), once the whole call is over.
   */
  function attempt<T>(target: Target, events: number, signal: AbortSignal | undefined, once: Attempt<T>): T | Promise<T> {
    if (signal?.aborted) throw abortError(signal);
    if (target.copy >= 0) stillTheCallers(target);
    const result = once(current(target));
    if (result !== AGAIN) return result;
    hold(target);
    return retry(target, events, signal, once);
  }

  async function retry<T>(target: Target, events: number, signal: AbortSignal | undefined, once: Attempt<T>): Promise<T> {
    for (;;) {
      const status = await ready(target, events, signal);
      if (signal?.aborted) throw abortError(signal);
      stillTheCallers(target);
      const result = once(target.copy);
      if (result !== AGAIN) return result;
      // The poll failed (POLLERR) and the attempt does not say why: the poll's error does.
      if (status < 0) throw systemError(-status, 'uv_poll');
    }
  }

  /** Runs a call on `target`, releasing the duplicate it may come to hold once it is over. */
  function settled<T>(target: Target, call: () => T | Promise<T>): T | Promise<T> {
    let result: T | Promise<T>;
    try {
      result = call();
    } catch (error) {
      release(target);
      throw error;
    }
    if (!(result instanceof Promise)) {
      release(target);
      return result;
    }
    return result.finally(() => release(target));
  }

  function enableCredentialPassing(target: Server | PassingSocket): void {
    const rc = ops.passEnable(serverOrSocketDescriptor(target, 'enableCredentialPassing'), constants.PASS_CHECK);
    fail(rc, 'setsockopt', 'credential passing');
  }

  function sendCredentials(socket: PassingSocket, options?: PassingOptions): Promise<void> {
    return promised(() => {
      const signal = signalOf(options);
      const target = targetOf(socket, constants.PASS_CHECK);
      return settled(target, () =>
        whileSending(target, () =>
          attempt(target, constants.WRITABLE, signal, (fd) => {
            const rc = ops.passSendCredentials(fd, target.check);
            if (rc === wouldBlock) return AGAIN;
            fail(rc, 'sendmsg', 'credentials');
            checked(target);
            return undefined;
          }),
        ),
      );
    });
  }

  function receiveCredentials(socket: PassingSocket, options?: ReceiveCredentialsOptions): Promise<ReceivedCredentials & { pidfd?: number | null }> {
    return promised(() => {
      const signal = signalOf(options);
      const keepPidfd = options?.pidfd ?? false;
      if (typeof keepPidfd !== 'boolean') throw invalidArgType('options.pidfd', 'a boolean', keepPidfd);
      const target = targetOf(socket, constants.PASS_CHECK);
      holdForReceive(target);
      return settled(target, () =>
        attempt(target, constants.READABLE, signal, (fd) => {
          const result = ops.passReceiveCredentials(fd, target.check | (keepPidfd ? constants.PASS_KEEP_PIDFD : 0));
          if (result === wouldBlock) return AGAIN;
          fail(result, 'recvmsg', 'credentials');
          checked(target);
          const flags = words[0]!;
          const { CRED_PIDFD, CRED_DATAGRAM, CRED_MESSAGE, CRED_PID, CRED_GROUPS } = constants;
          const pidfd = flags & CRED_PIDFD ? words[4]! : null;
          let credentials: ReceivedCredentials;
          try {
            if (flags & CRED_DATAGRAM) throw noMessage('credentials (a datagram socket has no peer whose credentials could stand in)');
            // A literal, not rest and spread: this is the hot path. The peer's credentials are read on the
            // descriptor the byte came from, in the same turn (after an await its number may name another socket).
            credentials =
              flags & CRED_MESSAGE
                ? { pid: flags & CRED_PID ? words[1]! : null, uid: words[2]!, gid: words[3]!, groups: flags & CRED_GROUPS ? native.gids(result) : null, source: 'message' }
                : { ...platform.peer(fd === target.fd ? socket : fd), source: 'peer' };
          } catch (error) {
            if (pidfd !== null) platform.close?.(pidfd);
            throw error;
          }
          return keepPidfd ? { ...credentials, pidfd } : credentials;
        }),
      );
    });
  }

  function sendFds(socket: PassingSocket, fds: readonly number[], options?: SendFdsOptions): Promise<void> {
    return promised(() => {
      const signal = signalOf(options);
      if (!Array.isArray(fds)) throw invalidArgType('fds', 'an array of descriptors', fds);
      // A copy, checked and sent: what the caller does to its array while the send waits changes nothing.
      const sent = fds.slice();
      const most = constants.PASS_MAX_SEND_FDS;
      if (sent.length < 1 || sent.length > most) throw outOfRange('fds.length', `from 1 to ${most}`, sent.length);
      for (let i = 0; i < sent.length; i++) checkDescriptor(sent[i], 'fds', i);
      const data = options?.data ?? NUL;
      if (!(data instanceof Uint8Array)) throw invalidArgType('options.data', 'a Uint8Array', data);
      if (data.length < 1) throw outOfRange('options.data.length', 'at least 1 (descriptors travel with a byte)', data.length);
      const target = targetOf(socket, constants.PASS_CHECK);
      target.passing = sent;
      return settled(target, () => whileSending(target, () => sendData(target, data, signal)));
    });
  }

  /** One sendmsg of the data from `offset`, with the descriptors yet to pass if any: the bytes sent, or AGAIN. */
  function sendChunk(target: Target, fd: number, data: Uint8Array, offset: number): number | typeof AGAIN {
    const fds = target.passing;
    const count = fds === null ? 0 : fds.length;
    const room = native.input.length - count * 4;
    // The usual send is one chunk, all of data: no view of it. The descriptors by index (set() from an array is slower).
    const chunk = offset === 0 && data.length <= room ? data : data.subarray(offset, offset + room);
    for (let i = 0; i < count; i++) inlineFds[i] = fds![i]!;
    native.input.set(chunk, count * 4);
    words[0] = chunk.length;
    const rc = ops.passSendFds(fd, (count << 1) | target.check) as number;
    if (rc === wouldBlock) return AGAIN;
    fail(rc, 'sendmsg', 'descriptors (SCM_RIGHTS)');
    checked(target);
    target.passing = null;
    return rc;
  }

  /**
   * The descriptors go with the first sendmsg; a large `data` follows in more, at once while the socket has
   * room. Only the first can be aborted: after it, the rest must follow, or the peer would read a cut message.
   */
  function sendData(target: Target, data: Uint8Array, signal: AbortSignal | undefined): void | Promise<void> {
    let offset = 0;
    while (offset < data.length) {
      const sent = attempt(target, constants.WRITABLE, target.passing !== null ? signal : undefined, (fd) => sendChunk(target, fd, data, offset));
      if (typeof sent !== 'number') return sent.then((first) => sendRest(target, data, offset + first));
      offset += sent;
    }
  }

  async function sendRest(target: Target, data: Uint8Array, offset: number): Promise<void> {
    while (offset < data.length) offset += await attempt(target, constants.WRITABLE, undefined, (fd) => sendChunk(target, fd, data, offset));
  }

  function receiveFds(socket: PassingSocket, options?: ReceiveFdsOptions): Promise<ReceivedFds> {
    return promised(() => {
      const signal = signalOf(options);
      const maxFds = Math.min(integerOption(options?.maxFds, 'options.maxFds', 0, 0x7fffffff, constants.PASS_MAX_SEND_FDS), constants.PASS_MAX_RECEIVE_FDS);
      const maxData = integerOption(options?.maxData, 'options.maxData', 1, MAX_DATA, DEFAULT_MAX_DATA);
      const target = targetOf(socket, constants.PASS_CHECK);
      holdForReceive(target);
      return settled(target, () =>
        attempt(target, constants.READABLE, signal, (fd) => {
          words[0] = maxData;
          const result = ops.passReceiveFds(fd, (maxFds << 1) | target.check);
          if (result === wouldBlock) return AGAIN;
          fail(result, 'recvmsg', 'descriptors (SCM_RIGHTS)');
          checked(target);
          const count = words[0]!;
          const length = words[1]!;
          const inline = typeof result === 'number';
          const received = inline ? inlineFds : new Int32Array(result, 0, count);
          // An index loop: Array.from on a typed array goes through its iterator, many times slower.
          const fds = new Array<number>(count);
          for (let i = 0; i < count; i++) fds[i] = received[i]!;
          // One view of the bytes after the descriptors, copied into the Buffer handed out.
          const bytes = inline ? native.input.subarray(count * 4, count * 4 + length) : new Uint8Array(result, count * 4, length);
          return { fds, data: Buffer.from(bytes), truncated: words[2] === 1 };
        }),
      );
    });
  }

  function sendFd(socket: PassingSocket, fd: number, options?: PassingOptions): Promise<void> {
    return promised(() => {
      const signal = signalOf(options);
      checkDescriptor(fd, 'fd');
      return sendFds(socket, [fd], signal === undefined ? {} : { signal });
    });
  }

  async function receiveFd(socket: PassingSocket, options?: PassingOptions): Promise<number> {
    const signal = signalOf(options);
    const { fds } = await receiveFds(socket, signal === undefined ? { maxFds: 1, maxData: 1 } : { maxFds: 1, maxData: 1, signal });
    if (fds.length === 0) throw noMessage('a descriptor (SCM_RIGHTS)');
    return fds[0]!;
  }

  return { enableCredentialPassing, sendCredentials, receiveCredentials, sendFds, receiveFds, sendFd, receiveFd };
}
