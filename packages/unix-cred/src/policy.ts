import { invalidArgType, peerRejected, type SocketLike } from '@unix-cred/internal';
import type { PeerCredentials } from './types.js';

/** Who may connect: a peer is accepted when it matches at least one rule given. */
export interface PeerPolicy {
  /** Accept these effective uids. */
  uids?: number[];
  /** Accept these effective (primary) gids. */
  gids?: number[];
  /** Accept members of these groups: the peer's effective gid or any of its groups. */
  groups?: number[];
  /** Accept a peer whose effective uid is this process's effective uid. */
  sameUser?: boolean;
}

function checkIds(policy: PeerPolicy, key: 'uids' | 'gids' | 'groups'): readonly number[] {
  const ids = policy[key];
  if (ids === undefined) return [];
  if (!Array.isArray(ids) || !ids.every((id) => Number.isInteger(id) && id >= 0 && id <= 0xffffffff)) {
    throw invalidArgType(`policy.${key}`, 'an array of ids (integers from 0 to 4294967295)', ids);
  }
  return ids;
}

/** Why a peer matches no rule, or null when it matches one. */
function mismatch(policy: PeerPolicy, cred: PeerCredentials): string | null {
  const uids = checkIds(policy, 'uids');
  const gids = checkIds(policy, 'gids');
  const groups = checkIds(policy, 'groups');
  if (policy.sameUser !== undefined && typeof policy.sameUser !== 'boolean') throw invalidArgType('policy.sameUser', 'a boolean', policy.sameUser);
  if (uids.length + gids.length + groups.length === 0 && policy.sameUser !== true) {
    throw invalidArgType('policy', 'a policy with at least one of uids, gids, groups or sameUser: true (an empty one would refuse everyone)', policy);
  }
  if (uids.includes(cred.uid) || gids.includes(cred.gid)) return null;
  if (policy.sameUser === true && cred.uid === process.geteuid!()) return null;
  // Where the OS reports no group list, only the effective gid can prove membership: fail closed.
  if (groups.includes(cred.gid) || (cred.groups ?? []).some((gid) => groups.includes(gid))) return null;
  return `uid ${cred.uid}, gid ${cred.gid}, groups ${cred.groups === null ? '(not reported by this OS)' : `[${cred.groups.join(', ')}]`} match no rule of the policy`;
}

/**
 * The peer's credentials when the policy accepts it; else throws ERR_UNIX_CRED_PEER_REJECTED
 * (with the credentials on `error.credentials`, for a log line).
 */
export function checkPeerWith(getCredentials: (socket: SocketLike) => PeerCredentials, socket: SocketLike, policy: PeerPolicy): PeerCredentials {
  if (typeof policy !== 'object' || policy === null) throw invalidArgType('policy', 'an object', policy);
  const cred = getCredentials(socket);
  const reason = mismatch(policy, cred);
  if (reason !== null) throw Object.assign(peerRejected(reason), { credentials: cred });
  return cred;
}
