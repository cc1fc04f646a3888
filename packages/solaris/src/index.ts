/**
 * @unix-cred/solaris: peer credentials of UNIX-domain sockets on Solaris and illumos (OmniOS, SmartOS):
 * getpeerucred(3C), with every field the OS does not report as null.
 */
import { loadNative, peerQuery, type SocketLike } from '@unix-cred/internal';
import { decodePeerUcred, type PeerUcred } from './decode.js';

export type { SocketLike } from '@unix-cred/internal';
export type { PeerUcred } from './decode.js';
export { effectiveCredentials } from './decode.js';

const native = loadNative<'peerUcred'>({
  packageName: '@unix-cred/solaris',
  moduleUrl: import.meta.url,
  servesThisOs: process.platform === 'sunos',
  servedOsLabel: 'Solaris and illumos',
  ops: ['peerUcred'],
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
