import type { ProcessCredentials, SocketLike } from '@unix-cred/internal';

export type { ProcessCredentials, SocketLike, PlatformName } from '@unix-cred/internal';

/** Who is on the other end of a connected UNIX-domain socket, as the kernel recorded it. */
export interface PeerCredentials {
  /** null where the OS cannot say (FreeBSD before 13, DragonFly, a closed peer on macOS; a peer in a pid namespace this process cannot see). */
  pid: number | null;
  /** Effective uid of the peer when it connected (server side) or listened (client side; bound, on OpenBSD and NetBSD). */
  uid: number;
  /** Effective gid. */
  gid: number;
  /** The peer's groups as the kernel holds them, where the OS reports them; else null. */
  groups: number[] | null;
}

/** The peer's effective uid and gid. */
export interface PeerUidGid {
  /** Effective uid of the peer when it connected (server side) or listened (client side; bound, on OpenBSD and NetBSD). */
  uid: number;
  /** Effective gid. */
  gid: number;
}

/** The peer's pid, effective uid and gid. */
export interface PeerPidUidGid {
  /** null where the OS cannot say, as in {@link PeerCredentials.pid}. */
  pid: number | null;
  /** Effective uid of the peer when it connected (server side) or listened (client side; bound, on OpenBSD and NetBSD). */
  uid: number;
  /** Effective gid. */
  gid: number;
}

/** A race-free handle on the peer process (a Linux pidfd): it never refers to a process that reused the pid. */
export interface PeerProcess {
  /** The peer's pid, as SO_PEERCRED gave it with the pidfd. */
  readonly pid: number;
  /** The pidfd (close-on-exec); -1 once closed. */
  readonly fd: number;
  /** True until the process exits (an exited, unreaped zombie counts as gone). */
  isAlive(): boolean;
  /** Signals exactly this process (pidfd_send_signal); default 'SIGTERM'. */
  kill(signal?: NodeJS.Signals | number): void;
  /** Closes the pidfd; later calls to isAlive or kill throw ERR_INVALID_STATE. Idempotent. */
  close(): void;
  /** close(), for `using peer = getPeerProcess(socket)`. */
  [Symbol.dispose](): void;
}

/** The ids an OS reports for a user or group this process cannot name (Linux's overflow uid and gid). */
export interface UnmappedIds {
  /** The uid of every user this process cannot name (Linux: /proc/sys/kernel/overflowuid). */
  uid: number;
  /** The gid of every group this process cannot name (Linux: /proc/sys/kernel/overflowgid). */
  gid: number;
}

/** What one OS contributes to the unified API (for the platform packages; programs call the functions). */
export interface Backend {
  /** getPeerCredentials on this OS. */
  credentials(socket: SocketLike): PeerCredentials;
  /** getPeerPidUidGid on this OS. */
  pidUidGid(socket: SocketLike): PeerPidUidGid;
  /** getPeerUidGid on this OS. */
  uidGid(socket: SocketLike): PeerUidGid;
  /** getPeerProcess on this OS. */
  process(socket: SocketLike): PeerProcess;
  /** The calling process's ids; optional so that a backend written before it still type-checks. */
  processCredentials?(): ProcessCredentials;
  /** Ids that stand for "not mapped here" and so never match a checkPeer rule; absent where the OS has none. */
  unmappedIds?(): UnmappedIds;
}

export type { ReceivedCredentials, ReceivedFds } from '@unix-cred/internal';
