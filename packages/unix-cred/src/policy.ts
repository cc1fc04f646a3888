import { invalidArgType, peerRejected, type SocketLike } from '@unix-cred/internal';
import type { PeerCredentials, UnmappedIds } from './types.js';

/**
 * Who may connect, for {@link checkPeer}: a peer is accepted when it matches at least one rule given.
 * A policy with no rule at all (`{}`, empty lists, `sameUser: false` alone) is a TypeError, never a
 * policy that silently refuses everyone.
 */
export interface PeerPolicy {
  /** Accept a peer whose effective uid is one of these. */
  uids?: readonly number[];
  /** Accept a peer whose effective (primary) gid is one of these. */
  gids?: readonly number[];
  /**
   * Accept members of these groups: a peer whose effective gid or any of whose groups is one of these.
   * Where the OS reports no group list (OpenBSD, NetBSD), only the effective gid can prove membership.
   */
  groups?: readonly number[];
  /** Accept a peer whose effective uid is this process's effective uid. */
  sameUser?: boolean;
}

interface Rules {
  uids: readonly number[];
  gids: readonly number[];
  groups: readonly number[];
  sameUser: boolean;
}

function ids(policy: PeerPolicy, key: 'uids' | 'gids' | 'groups'): readonly number[] {
  const list: unknown = policy[key];
  if (list === undefined) return [];
  if (!Array.isArray(list) || !list.every((id) => Number.isInteger(id) && id >= 0 && id <= 0xffffffff)) {
    throw invalidArgType(`policy.${key}`, 'an array of ids (integers from 0 to 4294967295)', list);
  }
  return list as readonly number[];
}

/** The rules of a policy, checked before any system call: a malformed or empty policy is a TypeError. */
function rulesOf(policy: PeerPolicy): Rules {
  if (typeof policy !== 'object' || policy === null) throw invalidArgType('policy', 'an object', policy);
  const rules = { uids: ids(policy, 'uids'), gids: ids(policy, 'gids'), groups: ids(policy, 'groups'), sameUser: policy.sameUser ?? false };
  if (typeof rules.sameUser !== 'boolean') throw invalidArgType('policy.sameUser', 'a boolean', policy.sameUser);
  if (rules.uids.length + rules.gids.length + rules.groups.length === 0 && !rules.sameUser) {
    throw invalidArgType('policy', 'a policy with at least one of uids, gids, groups or sameUser: true (an empty one would refuse everyone)', policy);
  }
  return rules;
}

const NONE: UnmappedIds = { uid: -1, gid: -1 };

/**
 * An unmapped id (Linux's overflow uid or gid: the kernel saying "no name for this here") matches no rule:
 * every unmapped user reads the same, this process's own euid too, inside a user namespace without a mapping.
 */
function accepts(rules: Rules, cred: PeerCredentials, unmapped: UnmappedIds): boolean {
  if (cred.uid !== unmapped.uid && (rules.uids.includes(cred.uid) || (rules.sameUser && cred.uid === process.geteuid!()))) return true;
  if (cred.gid !== unmapped.gid && (rules.gids.includes(cred.gid) || rules.groups.includes(cred.gid))) return true;
  // Where the OS reports no group list, only the effective gid can prove membership: fail closed.
  return cred.groups?.some((gid) => gid !== unmapped.gid && rules.groups.includes(gid)) ?? false;
}

/**
 * The peer's credentials when the policy accepts it; else throws ERR_UNIX_CRED_PEER_REJECTED
 * (with the credentials on `error.credentials`, for a log line).
 */
export function checkPeerWith(
  getCredentials: (socket: SocketLike) => PeerCredentials,
  socket: SocketLike,
  policy: PeerPolicy,
  unmapped: UnmappedIds = NONE,
): PeerCredentials {
  const rules = rulesOf(policy);
  const cred = getCredentials(socket);
  if (accepts(rules, cred, unmapped)) return cred;
  const groups = cred.groups === null ? '(not reported by this OS)' : `[${cred.groups.join(', ')}]`;
  throw Object.assign(peerRejected(`uid ${cred.uid}, gid ${cred.gid}, groups ${groups} match no rule of the policy`), { credentials: cred });
}
