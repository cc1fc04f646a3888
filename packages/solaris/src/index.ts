/**
 * @unix-cred/solaris: peer credentials of UNIX-domain sockets on Solaris and illumos (OmniOS, SmartOS):
 * getpeerucred(3C), with every field the OS does not report as null.
 */
import { createPassing, type Passing, loadNative, passingOps, peerQuery, readProcessCredentials, type PassingOp, type ProcessCredentials, type SocketLike } from '@unix-cred/internal';
import { decodePeerUcred, effectiveCredentials, type PeerUcred } from './decode.js';

export type { ProcessCredentials, SocketLike } from '@unix-cred/internal';
export type { PeerUcred } from './decode.js';
export type { Passing, PassingOptions, PassingSocket, ReceivedCredentials, ReceivedFds, ReceiveFdsOptions, SendFdsOptions } from '@unix-cred/internal';
export { effectiveCredentials } from './decode.js';

const native = loadNative<'peerUcred' | 'processCredentials' | PassingOp>({
  packageName: '@unix-cred/solaris',
  moduleUrl: import.meta.url,
  servesThisOs: process.platform === 'sunos',
  servedOsLabel: 'Solaris and illumos',
  ops: ['peerUcred', 'processCredentials', ...passingOps],
});
const { words, ops } = native;

function readPeerUcred(fd: number, arg: number): PeerUcred {
  const result = ops.peerUcred(fd, arg);
  if (typeof result === 'number' && result < 0) native.fail(result, 'getpeerucred', 'getpeerucred(3C)');
  return decodePeerUcred(words, native.gids(result));
}

/**
 * getpeerucred(3C) of an AF_UNIX socket. Throws ENOTCONN for a listening or unconnected socket,
 * ERR_UNIX_CRED_NOT_UNIX_SOCKET for TCP/UDP (getpeerucred would answer for those too).
 */
export const getPeerUcred: (socket: SocketLike) => PeerUcred = peerQuery(readPeerUcred, (cred) => ({ ...cred, groups: cred.groups.slice() }));

/**
 * The calling process's ids (credentials(7)). Solaris has no getresuid: the saved ids come from the process's
 * own ucred_get(3C), and are null should it fail. The file-system ids are Linux's alone: null.
 */
export function getProcessCredentials(): ProcessCredentials {
  return readProcessCredentials(native, 'processCredentials');
}

/**
 * Credential and descriptor passing, GLib UnixConnection wire-compatible (see README). On a stream Solaris and
 * illumos have no credential messages: the byte travels alone and receiveCredentials reports getpeerucred's
 * effective ids (source 'peer').
 */
export const passing: Passing = createPassing(native, {
  peer: (socket) => effectiveCredentials(getPeerUcred(socket)),
});
