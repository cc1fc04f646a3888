/**
 * @unix-cred/solaris: peer credentials of UNIX-domain sockets on Solaris and illumos (OmniOS, SmartOS):
 * getpeerucred(3C), with every field the OS does not report as null.
 */
import { capabilities, createPassing, invalidArgType, noProcessHandle, noUnmappedIds, pidUidGidOf, uidGidOf, type Passing, type Platform, loadNative, passingOps, peerQuery, readProcessCredentials, type PassingOp, type ProcessCredentials, type SocketLike } from '@unix-cred/internal';
import { decodePeerUcred, effectiveCredentials, type PeerUcred } from './decode.js';

export type { Platform, ProcessCredentials, SocketLike } from '@unix-cred/internal';
export type { PeerUcred } from './decode.js';
export type { Passing, PassingOptions, PassingSocket, ReceivedCredentials, ReceivedFds, ReceiveFdsOptions, SendFdsOptions } from '@unix-cred/internal';
export { effectiveCredentials } from './decode.js';

// The ops of this package's native file (its uc_operations table) that this module calls; the loader checks them.
const osOps = ['peerUcred', 'processCredentials'] as const;
type Op = (typeof osOps)[number] | PassingOp;

const native = loadNative<Op>({
  packageName: '@unix-cred/solaris',
  moduleUrl: import.meta.url,
  servesThisOs: process.platform === 'sunos',
  servedOsLabel: 'Solaris and illumos',
  capabilities: capabilities.sunos,
  ops: [...osOps, ...passingOps],
});
const { words, ops } = native;

function readPeerUcred(fd: number, arg: number): PeerUcred {
  const result = ops.peerUcred(fd, arg);
  if (typeof result === 'number' && result < 0) native.fail(result, 'getpeerucred', 'getpeerucred(3C)');
  return decodePeerUcred(words, native.gids(result));
}

const copy = (cred: PeerUcred): PeerUcred => ({ ...cred, groups: cred.groups.slice() });
// Two queries, so two caches: an answer for a TCP socket is never handed to a call that did not allow inet.
const unixPeerUcred = peerQuery(native, readPeerUcred, copy);
const inetPeerUcred = peerQuery(native, (fd, arg) => readPeerUcred(fd, arg | native.constants.PEER_INET), copy);

/** Options of {@link getPeerUcred}. */
export interface PeerUcredOptions {
  /**
   * Also answer for a TCP connection (AF_INET, AF_INET6), whose peer getpeerucred(3C) knows when it is on this
   * host. Without it (the default) such a socket throws ERR_UNIX_CRED_NOT_UNIX_SOCKET.
   */
  allowInet?: boolean;
}

/**
 * getpeerucred(3C) of an AF_UNIX socket, or with `{ allowInet: true }` also of a local TCP connection. Throws
 * ENOTCONN for a listening or unconnected socket and for a TCP peer on another host (the OS knows no credentials
 * of it), ERR_UNIX_CRED_NOT_UNIX_SOCKET for TCP/UDP unless inet is allowed (and for other families always).
 */
export function getPeerUcred(socket: SocketLike, options?: PeerUcredOptions): PeerUcred {
  if (options === undefined) return unixPeerUcred(socket);
  if (typeof options !== 'object' || options === null) throw invalidArgType('options', 'an object', options);
  const { allowInet } = options;
  if (allowInet !== undefined && typeof allowInet !== 'boolean') throw invalidArgType('options.allowInet', 'a boolean', allowInet);
  return allowInet === true ? inetPeerUcred(socket) : unixPeerUcred(socket);
}

/**
 * The calling process's ids (credentials(7)). Solaris has no getresuid: the saved ids come from the process's
 * own ucred_get(3C), and are null should it fail. The file-system ids are Linux's alone: null.
 */
export function getProcessCredentials(): ProcessCredentials {
  return readProcessCredentials(native, 'processCredentials');
}

const peerCredentials = (socket: SocketLike) => effectiveCredentials(getPeerUcred(socket));

/**
 * Credential and descriptor passing, GLib UnixConnection wire-compatible (see README). On a stream Solaris and
 * illumos have no credential messages: the byte travels alone and receiveCredentials reports getpeerucred's
 * effective ids (source 'peer').
 */
export const passing: Passing = createPassing(native, { peer: peerCredentials });

/** Solaris and illumos for the unified API (the umbrella package `unix-cred`): getpeerucred's effective ids. */
export const platform: Platform = {
  capabilities: capabilities.sunos,
  peerCredentials,
  peerPidUidGid: pidUidGidOf(peerCredentials),
  peerUidGid: uidGidOf(peerCredentials),
  peerProcess: noProcessHandle(capabilities.sunos.os),
  processCredentials: getProcessCredentials,
  unmappedIds: noUnmappedIds,
  passing,
};
