/** How the native results of @unix-cred/solaris become its API objects (pure: tested with fabricated words). */
import { notConnected } from '@unix-cred/internal';

/** getpeerucred(3C): the peer's ids when it connected (server) or listened (client); null where the OS does not report one. */
export interface PeerUcred {
  /** ucred_getpid; null for a peer in another zone, for one. */
  pid: number | null;
  /** Real uid (ucred_getruid). */
  ruid: number | null;
  /** Effective uid (ucred_geteuid). */
  euid: number | null;
  /** Saved uid (ucred_getsuid). */
  suid: number | null;
  /** Real gid (ucred_getrgid). */
  rgid: number | null;
  /** Effective gid (ucred_getegid). */
  egid: number | null;
  /** Saved gid (ucred_getsgid). */
  sgid: number | null;
  /** The supplementary groups; empty also when the OS reports none (then every id is null too). */
  groups: number[];
}

/**
 * words: [0] presence bits (bit i: field i+1 is known), [1] pid, [2] ruid, [3] euid, [4] suid, [5] rgid,
 * [6] egid, [7] sgid; groups: the supplementary groups.
 */
export function decodePeerUcred(words: ArrayLike<number>, groups: number[]): PeerUcred {
  const known = words[0]!;
  const field = (i: number): number | null => ((known >>> i) & 1 ? words[i + 1]! : null);
  return { pid: field(0), ruid: field(1), euid: field(2), suid: field(3), rgid: field(4), egid: field(5), sgid: field(6), groups };
}

/** The unified API's view: effective ids. A peer whose effective ids the OS does not report has no valid credentials: ENOTCONN. */
export function effectiveCredentials(cred: PeerUcred): {
  /** As {@link PeerUcred.pid}. */
  pid: number | null;
  /** The effective uid. */
  uid: number;
  /** The effective gid. */
  gid: number;
  /** The supplementary groups. */
  groups: number[];
} {
  if (cred.euid === null || cred.egid === null) throw notConnected('getpeerucred', 'the OS reports no effective uid and gid for the peer');
  return { pid: cred.pid, uid: cred.euid, gid: cred.egid, groups: cred.groups };
}
