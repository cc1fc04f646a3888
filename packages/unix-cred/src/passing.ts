/**
 * Credential and descriptor passing over a UNIX-domain socket, wire-compatible with GLib's UnixConnection
 * (one byte plus its control message), from the platform package of this OS. A net.Socket must follow the
 * protocol in the README: received from only while paused, sent to only with Node's write queue empty.
 */
import type { Server, Socket } from 'node:net';
import type { PassingOptions, ReceivedCredentials, ReceivedFds, SocketLike } from '@unix-cred/internal';
import { loaded } from './platform.js';

// The options this API has, and nothing the platform package may add (a pidfd the caller would not know to
// close); anything that is not an object goes on as it is, to be refused as receiveFds refuses it.
const withSignal = (options: PassingOptions | undefined): PassingOptions | undefined =>
  typeof options !== 'object' || options === null ? options : options.signal === undefined ? {} : { signal: options.signal };

/**
 * Makes the kernel attach the sender's credentials to what peers send (Linux SO_PASSCRED and, from 6.5,
 * SO_PASSPIDFD; FreeBSD LOCAL_CREDS_PERSISTENT; NetBSD LOCAL_CREDS; DragonFly SO_PASSCRED; nothing to do on
 * OpenBSD, macOS, illumos). Call it on the listening server right after listen(): accepted sockets inherit it.
 */
export function enableCredentialPassing(target: Server | SocketLike): void {
  loaded().passing.enableCredentialPassing(target);
}

/** Sends one NUL byte with this process's credentials (GLib send_credentials). */
export function sendCredentials(socket: Socket | number, options?: { signal?: AbortSignal }): Promise<void> {
  return loaded().passing.sendCredentials(socket, withSignal(options));
}

/** Reads the byte sendCredentials sent and the credentials that came with it (GLib receive_credentials). */
export function receiveCredentials(socket: Socket | number, options?: { signal?: AbortSignal }): Promise<ReceivedCredentials> {
  return loaded().passing.receiveCredentials(socket, withSignal(options));
}

/** Sends descriptors (SCM_RIGHTS, at most 253) with `data` (default: one NUL byte). The caller still owns and closes them. */
export function sendFds(socket: Socket | number, fds: number[], options?: { data?: Uint8Array; signal?: AbortSignal }): Promise<void> {
  return loaded().passing.sendFds(socket, fds, options);
}

/** Receives descriptors (close-on-exec; the caller owns them) and the bytes that came with them in the same read. */
export function receiveFds(socket: Socket | number, options?: { maxFds?: number; maxData?: number; signal?: AbortSignal }): Promise<ReceivedFds> {
  return loaded().passing.receiveFds(socket, options);
}

/** Sends one descriptor with one NUL byte (GLib send_fd). */
export function sendFd(socket: Socket | number, fd: number, options?: { signal?: AbortSignal }): Promise<void> {
  return loaded().passing.sendFd(socket, fd, options);
}

/** Receives one descriptor and its byte (GLib receive_fd); any extra descriptors are closed. */
export function receiveFd(socket: Socket | number, options?: { signal?: AbortSignal }): Promise<number> {
  return loaded().passing.receiveFd(socket, options);
}
