/** A builtin module, loaded when first needed rather than at import (each static import costs start-up time). */
export function builtin<Id extends 'node:os' | 'node:util' | 'node:module' | 'node:net'>(id: Id): ReturnType<typeof process.getBuiltinModule<Id>> {
  return process.getBuiltinModule(id);
}

/** Every error this library throws carries a `code`; system errors also carry `errno` and `syscall`. */
export interface UnixCredError extends Error {
  code: string;
  errno?: number;
  syscall?: string;
}

function withCode<E extends Error>(error: E, code: string): E & UnixCredError {
  return Object.assign(error, { code });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return `an instance of ${value.constructor?.name ?? 'Object'}`;
  if (typeof value === 'function') return 'a function';
  return `type ${typeof value} (${String(value)})`;
}

export function invalidArgType(name: string, expected: string, actual: unknown): TypeError & UnixCredError {
  return withCode(new TypeError(`The "${name}" argument must be ${expected}. Received ${describe(actual)}`), 'ERR_INVALID_ARG_TYPE');
}

export function outOfRange(name: string, range: string, actual: unknown): RangeError & UnixCredError {
  return withCode(new RangeError(`The value of "${name}" is out of range. It must be ${range}. Received ${String(actual)}`), 'ERR_OUT_OF_RANGE');
}

export function socketClosed(reason = 'The socket has no descriptor: it is not connected yet, or it was destroyed'): UnixCredError {
  return withCode(new Error(reason), 'ERR_SOCKET_CLOSED');
}

export function notUnixSocket(): UnixCredError {
  return withCode(new Error('The socket is not a UNIX-domain socket: peer credentials exist only for AF_UNIX sockets'), 'ERR_UNIX_CRED_NOT_UNIX_SOCKET');
}

export function unsupported(feature: string): UnixCredError {
  return withCode(new Error(`Not supported: ${feature}`), 'ERR_UNIX_CRED_UNSUPPORTED');
}

export function truncated(what: string): UnixCredError {
  return withCode(new Error(`Control data was truncated in transit: ${what}`), 'ERR_UNIX_CRED_TRUNCATED');
}

export function peerRejected(reason: string): UnixCredError {
  return withCode(new Error(`Peer rejected: ${reason}`), 'ERR_UNIX_CRED_PEER_REJECTED');
}

// Built on the first system error, not at import: most programs never throw one.
let systemErrors: Map<number, [string, string]> | undefined;

/**
 * A Node-style system error, as `fs` and `net` throw them: `code` ('ENOTSOCK'), `errno` (negative, as
 * libuv reports it: -88), `syscall` ('getsockopt'), and a message "getsockopt ENOTSOCK (socket operation on non-socket)".
 */
export function systemError(errno: number, syscall: string, detail?: string): UnixCredError {
  const uvErrno = -Math.abs(errno);
  const [code, text] = (systemErrors ??= builtin('node:util').getSystemErrorMap()).get(uvErrno) ?? [`Unknown system error ${uvErrno}`, 'unknown error'];
  const error = new Error(`${syscall} ${code} (${detail ?? text})`);
  return Object.assign(error, { code, errno: uvErrno, syscall });
}

/** ENOTCONN as a system error with a reason the kernel's own message does not give. */
export function notConnected(syscall: string, reason: string): UnixCredError {
  return systemError(builtin('node:os').constants.errno.ENOTCONN, syscall, reason);
}

/** The peer closed the connection before the byte a passing call waits for (credentials, descriptors). */
export function peerClosed(what: string): UnixCredError {
  return withCode(new Error(`The peer closed the connection before sending the byte that carries ${what}`), 'ERR_UNIX_CRED_PEER_CLOSED');
}

/** The byte arrived, but without the control message the call waits for. */
export function noMessage(what: string): UnixCredError {
  return withCode(new Error(`The byte arrived without ${what}`), 'ERR_UNIX_CRED_NO_MESSAGE');
}

/** A net.Socket in a state where a direct sendmsg or recvmsg would reorder or lose bytes. */
export function invalidState(reason: string): UnixCredError {
  return withCode(new Error(`Invalid socket state: ${reason}`), 'ERR_INVALID_STATE');
}

/** As Node's own AbortError (events.once, fs/promises): name 'AbortError', code 'ABORT_ERR', the signal's reason as cause. */
export function abortError(signal: AbortSignal): UnixCredError {
  const error = new Error('The operation was aborted', { cause: signal.reason });
  error.name = 'AbortError';
  return withCode(error, 'ABORT_ERR');
}
