/** How the native results of @unix-cred/darwin become its API objects (pure: tested with fabricated words). */

/** LOCAL_PEERCRED: effective ids of the peer when it connected (server) or listened (client). macOS's xucred has no pid. */
export interface Xucred {
  /** Always null: the xucred has no pid (see getPeerPid). */
  pid: null;
  /** Effective uid. */
  uid: number;
  /** Effective gid: groups[0]. */
  gid: number;
  /** The kernel's group list, the effective gid first, at most 16 (NGROUPS). */
  groups: number[];
}

/** Xucred with the pid LOCAL_PEERPID gave in the same native call. */
export interface XucredPid {
  /** LOCAL_PEERPID: the pid of the process that last did I/O on the peer's socket (the peer itself, unless it handed the socket on). */
  pid: number;
  /** Effective uid. */
  uid: number;
  /** Effective gid: groups[0]. */
  gid: number;
  /** The kernel's group list, the effective gid first, at most 16 (NGROUPS). */
  groups: number[];
}

/** words: [1] euid, [2] egid; groups: the xucred's groups, egid first. */
export function decodeXucred(words: ArrayLike<number>, groups: number[]): Xucred {
  return { pid: null, uid: words[1]!, gid: words[2]!, groups };
}

/** words: [0] LOCAL_PEERPID, [1] euid, [2] egid. */
export function decodeXucredPid(words: ArrayLike<number>, groups: number[]): XucredPid {
  return { pid: words[0]!, uid: words[1]!, gid: words[2]!, groups };
}
