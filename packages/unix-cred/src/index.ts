/**
 * unix-cred: who is on the other end of a UNIX-domain socket, on every Unix Node runs on.
 * Loads the platform package of this OS and gives one API over it.
 */
import { platformName, type PlatformName, type SocketLike } from '@unix-cred/internal';
import { checkPeerWith, type PeerPolicy } from './policy.js';
import { selectBackend } from './select.js';
import type { PeerCredentials, PeerPidUidGid, PeerProcess, PeerUidGid } from './types.js';

export type { PeerPolicy } from './policy.js';
export type { Backend, PeerCredentials, PeerPidUidGid, PeerProcess, PeerUidGid, PlatformName, SocketLike } from './types.js';

/** This OS as unix-cred names it. On an OS unix-cred does not support it is process.platform, and every call throws. */
export const platform: PlatformName = platformName() ?? (process.platform as PlatformName);

const backend = selectBackend(platformName());

/** pid, uid, gid and groups of the peer. Cached per net.Socket; a raw descriptor is checked on every call. */
export function getPeerCredentials(socket: SocketLike): PeerCredentials {
  return backend.credentials(socket);
}

/** uid and gid of the peer, with as few system calls as the OS allows. */
export function getPeerUidGid(socket: SocketLike): PeerUidGid {
  return backend.uidGid(socket);
}

/** pid (null where the OS cannot say), uid and gid of the peer. */
export function getPeerPidUidGid(socket: SocketLike): PeerPidUidGid {
  return backend.pidUidGid(socket);
}

/** A pidfd-backed handle on the peer process (Linux 6.5+); elsewhere throws ERR_UNIX_CRED_UNSUPPORTED. */
export function getPeerProcess(socket: SocketLike): PeerProcess {
  return backend.process(socket);
}

/**
 * Authorizes a peer: returns its credentials when it matches at least one rule of the policy (uids,
 * gids, groups membership, sameUser), else throws ERR_UNIX_CRED_PEER_REJECTED. An empty policy is a
 * TypeError, not a silent refusal of everyone.
 */
export function checkPeer(socket: SocketLike, policy: PeerPolicy): PeerCredentials {
  return checkPeerWith(getPeerCredentials, socket, policy);
}
