/** How the native results of @unix-cred/bsd become its API objects (pure: tested with fabricated words). */
import { knownPid } from '@unix-cred/internal';

/** LOCAL_PEERCRED (FreeBSD, DragonFly): effective ids of the peer when it connected (server) or listened (client). */
export interface Xucred {
  /** null where the OS cannot say: DragonFly, FreeBSD before 13, a 32-bit process on a 64-bit kernel. */
  pid: number | null;
  /** Effective uid. */
  uid: number;
  /** Effective gid: groups[0]. */
  gid: number;
  /** The kernel's group list, the effective gid first, at most 16 (XU_NGROUPS). */
  groups: number[];
}

/** OpenBSD sockpeercred (SO_PEERCRED) and NetBSD unpcbid (LOCAL_PEEREID): effective ids. */
export interface Ucred {
  /** The peer's pid when it connected (server side), or the pid that bound the server's socket (client side: OpenBSD and NetBSD record it at bind()). */
  pid: number;
  /** Effective uid. */
  uid: number;
  /** Effective gid. */
  gid: number;
}

/** words: [0] pid (0: unknown), [1] euid, [2] egid; groups: the xucred's groups, egid first. */
export function decodeXucred(words: ArrayLike<number>, groups: number[]): Xucred {
  return { pid: knownPid(words[0]!), uid: words[1]!, gid: words[2]!, groups };
}

/** words: [0] pid, [1] euid, [2] egid. */
export function decodeUcred(words: ArrayLike<number>): Ucred {
  return { pid: words[0]!, uid: words[1]!, gid: words[2]! };
}
