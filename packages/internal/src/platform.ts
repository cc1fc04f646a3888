import type { Capabilities } from './capabilities.js';
import { builtin, unsupported } from './errors.js';
import type { SocketLike } from './descriptor.js';
import type { Passing } from './passing.js';
import type { ProcessCredentials } from './process.js';

export type PlatformName = 'linux' | 'freebsd' | 'dragonfly' | 'openbsd' | 'netbsd' | 'darwin' | 'sunos';

/**
 * The OS as this library distinguishes them: process.platform, except that DragonFly (which Node
 * may report as 'freebsd') is told apart by uname's sysname. Undefined for an OS without support.
 */
export function platformName(): PlatformName | undefined {
  // Linux is never DragonFly: no uname (nor node:os) at import there.
  if (process.platform !== 'linux' && builtin('node:os').type() === 'DragonFly') return 'dragonfly';
  const known: readonly string[] = ['linux', 'freebsd', 'openbsd', 'netbsd', 'darwin', 'sunos'];
  return known.includes(process.platform) ? (process.platform as PlatformName) : undefined;
}

/** Who is on the other end of a connected UNIX-domain socket, as the kernel recorded it. */
export interface PeerCredentials {
  /** null where the OS cannot say (see the capability matrix, docs/platforms.md section 1). */
  pid: number | null;
  /** Effective uid of the peer when it connected (server side) or listened (client side). */
  uid: number;
  /** Effective gid. */
  gid: number;
  /** The peer's groups as the kernel holds them, where the OS reports them; else null. */
  groups: number[] | null;
}

/** The peer's effective uid and gid. */
export interface PeerUidGid {
  /** Effective uid of the peer when it connected (server side) or listened (client side). */
  uid: number;
  /** Effective gid. */
  gid: number;
}

/** The peer's pid, effective uid and gid. */
export interface PeerPidUidGid {
  /** null where the OS cannot say, as in {@link PeerCredentials.pid}. */
  pid: number | null;
  /** Effective uid of the peer when it connected (server side) or listened (client side). */
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

/**
 * What one platform package gives the unified API: the OS's answers in the unified shapes, with pid and groups
 * already null where the OS cannot say, and its row of the capability matrix.
 */
export interface Platform {
  /** This OS's row of the capability matrix (src/capabilities.ts). */
  readonly capabilities: Capabilities;
  peerCredentials(socket: SocketLike): PeerCredentials;
  peerPidUidGid(socket: SocketLike): PeerPidUidGid;
  peerUidGid(socket: SocketLike): PeerUidGid;
  peerProcess(socket: SocketLike): PeerProcess;
  processCredentials(): ProcessCredentials;
  /** Ids that stand for "not mapped here" and so never match a checkPeer rule; null where the OS has none. */
  unmappedIds(): UnmappedIds | null;
  readonly passing: Passing;
}

/** The ids an OS reports for a user or group this process cannot name (Linux's overflow uid and gid). */
export interface UnmappedIds {
  /** The uid of every user this process cannot name (Linux: /proc/sys/kernel/overflowuid). */
  uid: number;
  /** The gid of every group this process cannot name (Linux: /proc/sys/kernel/overflowgid). */
  gid: number;
}

/** unmappedIds where the OS has no such ids. */
export const noUnmappedIds = (): null => null;

/** peerPidUidGid from a read of more (the same native read, cached with it per net.Socket). */
export function pidUidGidOf(read: (socket: SocketLike) => PeerPidUidGid): (socket: SocketLike) => PeerPidUidGid {
  return (socket) => {
    const { pid, uid, gid } = read(socket);
    return { pid, uid, gid };
  };
}

/** peerUidGid from a read of more. */
export function uidGidOf(read: (socket: SocketLike) => PeerUidGid): (socket: SocketLike) => PeerUidGid {
  return (socket) => {
    const { uid, gid } = read(socket);
    return { uid, gid };
  };
}

/** A pid as a kernel answered it: 0 is no process this one can name (another pid namespace, no pid kept). */
export function knownPid(pid: number): number | null {
  return pid === 0 ? null : pid;
}

/** getPeerProcess where the OS has no race-free process handle. */
export function noProcessHandle(os: string): (socket: SocketLike) => never {
  return () => {
    throw unsupported(`getPeerProcess needs a Linux pidfd; ${os} has no race-free process handle`);
  };
}
