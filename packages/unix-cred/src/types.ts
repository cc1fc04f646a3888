import type { SocketLike } from '@unix-cred/internal';

export type { SocketLike, PlatformName } from '@unix-cred/internal';

export interface PeerCredentials {
  /** null where the OS cannot say (FreeBSD before 13, DragonFly, macOS xucred; a peer in a pid namespace this process cannot see). */
  pid: number | null;
  /** Effective uid of the peer when it connected (server side) or listened (client side). */
  uid: number;
  /** Effective gid. */
  gid: number;
  /** The peer's groups as the kernel holds them, where the OS reports them; else null. */
  groups: number[] | null;
}

export interface PeerUidGid {
  uid: number;
  gid: number;
}

export interface PeerPidUidGid {
  pid: number | null;
  uid: number;
  gid: number;
}

/** A race-free handle on the peer process (a Linux pidfd): it never refers to a process that reused the pid. */
export interface PeerProcess {
  readonly pid: number;
  readonly fd: number;
  /** True until the process exits (an exited, unreaped zombie counts as gone). */
  isAlive(): boolean;
  /** Signals exactly this process (pidfd_send_signal); default 'SIGTERM'. */
  kill(signal?: NodeJS.Signals | number): void;
  /** Closes the pidfd; later calls to isAlive or kill throw ERR_INVALID_STATE. Idempotent. */
  close(): void;
  [Symbol.dispose](): void;
}

/** What one OS contributes to the unified API. */
export interface Backend {
  credentials(socket: SocketLike): PeerCredentials;
  pidUidGid(socket: SocketLike): PeerPidUidGid;
  uidGid(socket: SocketLike): PeerUidGid;
  process(socket: SocketLike): PeerProcess;
}
