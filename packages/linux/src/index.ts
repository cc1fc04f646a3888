/**
 * @unix-cred/linux: peer credentials of UNIX-domain sockets on Linux.
 * SO_PEERCRED, SO_PEERGROUPS, SO_PEERPIDFD and SO_PEERSEC, with the kernel's sentinels refused.
 */
import { readFileSync } from 'node:fs';
import { builtin, capabilities, createPassing, uidGidOf, unsupported, type UnmappedIds, knownPid, type Passing, loadNative, passingOps, peerQuery, readProcessCredentials, type Native, type PassingOp, type PeerProcess, type Platform, type ProcessCredentials, type SocketLike } from '@unix-cred/internal';

export type { Platform, ProcessCredentials, SocketLike } from '@unix-cred/internal';
export type { Passing, PassingOptions, PassingSocket, ReceiveCredentialsOptions, ReceivedCredentials, ReceivedFds, ReceiveFdsOptions, SendFdsOptions } from '@unix-cred/internal';

/** SO_PEERCRED: the peer's pid and effective uid and gid when it connected (client) or listened (server). */
export interface Ucred {
  /** null when the peer is in a pid namespace this process cannot see (the kernel's 0). */
  pid: number | null;
  /** Effective uid. */
  uid: number;
  /** Effective gid. */
  gid: number;
}

// The ops of this package's native file (its uc_operations table) that this module calls; the loader checks them.
const osOps = ['peerCred', 'peerCredGroups', 'peerGroups', 'peerPidfd', 'peerSecurity', 'pidfdAlive', 'pidfdSignal', 'close', 'processCredentials'] as const;
type Op = (typeof osOps)[number] | PassingOp;

const native: Native<Op> = loadNative<Op>({
  packageName: '@unix-cred/linux',
  moduleUrl: import.meta.url,
  servesThisOs: process.platform === 'linux',
  servedOsLabel: 'Linux',
  capabilities: capabilities.linux,
  ops: [...osOps, ...passingOps],
});
const { words, ops } = native;

function readUcred(fd: number, arg: number): Ucred {
  const rc = ops.peerCred(fd, arg) as number;
  if (rc < 0) native.fail(rc, 'getsockopt', 'SO_PEERCRED');
  return { pid: knownPid(words[0]!), uid: words[1]!, gid: words[2]! };
}

function readGroups(fd: number, arg: number): number[] {
  const result = ops.peerGroups(fd, arg);
  if (typeof result === 'number' && result < 0) native.fail(result, 'getsockopt', 'SO_PEERGROUPS (Linux 4.13 and later)');
  return native.gids(result);
}

/** Ucred plus the peer's groups, read in one native call (for the umbrella's getPeerCredentials). */
export interface UcredGroups extends Ucred {
  /** The peer's supplementary groups, as {@link getPeerGroups}. */
  groups: number[];
}

function readUcredGroups(fd: number, arg: number): UcredGroups {
  const result = ops.peerCredGroups(fd, arg);
  if (typeof result === 'number' && result < 0) native.fail(result, 'getsockopt', 'SO_PEERGROUPS (Linux 4.13 and later)');
  return { pid: knownPid(words[0]!), uid: words[1]!, gid: words[2]!, groups: native.gids(result) };
}

function readSecurityContext(fd: number, arg: number): string | null {
  const result = ops.peerSecurity(fd, arg);
  if (typeof result === 'number' && result < 0) native.fail(result, 'getsockopt', 'SO_PEERSEC');
  if (words[0] === 0) return null;
  return Buffer.from(native.bytes(result)).toString('utf8');
}

/** A pidfd of the peer and the pid SO_PEERCRED gives for the same process. */
export interface PeerPidfd {
  /** The pidfd, close-on-exec; the caller owns it. */
  pidfd: number;
  /** The peer's pid. */
  pid: number;
}

function readPidfd(fd: number, arg: number): PeerPidfd {
  const rc = ops.peerPidfd(fd, arg) as number;
  if (rc < 0) native.fail(rc, 'getsockopt', 'SO_PEERPIDFD (Linux 6.5 and later)');
  return { pidfd: words[0]!, pid: words[1]! };
}

/**
 * SO_PEERCRED: the peer's pid and effective ids. Cached for the life of a `net.Socket`'s handle; a raw
 * descriptor is checked (SO_ACCEPTCONN) on every call.
 *
 * @throws `ENOTCONN` for a listening or unconnected socket, or after the peer is gone (the kernel's pid 0, uid 4294967295 is never returned).
 * @throws `ERR_UNIX_CRED_NOT_UNIX_SOCKET` for TCP or UDP; `EBADF` or `ENOTSOCK` for a bad descriptor or one that is no socket.
 * @throws `TypeError` / `RangeError` for an argument that is no socket or descriptor; `ERR_SOCKET_CLOSED` for a `net.Socket` without one.
 * @throws `ERR_UNIX_CRED_UNSUPPORTED` on another OS.
 */
export const getUcred: (socket: SocketLike) => Ucred = peerQuery(native, readUcred, (cred) => ({ pid: cred.pid, uid: cred.uid, gid: cred.gid }));

/**
 * SO_PEERGROUPS: the peer's supplementary groups as the kernel holds them (as /proc/<pid>/status shows), any
 * number of them. Throws what {@link getUcred} throws, and `ERR_UNIX_CRED_UNSUPPORTED` before Linux 4.13.
 */
export const getPeerGroups: (socket: SocketLike) => number[] = peerQuery(native, readGroups, (groups) => groups.slice());

/** {@link getUcred} and {@link getPeerGroups} together, in one native call; throws what they throw. */
export const getUcredGroups: (socket: SocketLike) => UcredGroups = peerQuery(native, readUcredGroups, (cred) => ({
  pid: cred.pid,
  uid: cred.uid,
  gid: cred.gid,
  groups: cred.groups.slice(),
}));

/** SO_PEERSEC: the peer's LSM label (SELinux, AppArmor, Smack), or null when no LSM labels sockets. Throws what {@link getUcred} throws. */
export const getPeerSecurityContext: (socket: SocketLike) => string | null = peerQuery(native, readSecurityContext, (label) => label);

/**
 * SO_PEERPIDFD (Linux 6.5+): a pidfd of the peer process, close-on-exec. The caller owns it and must close it.
 * The peer pid inside it never refers to another process, even after the peer exits and its pid is reused.
 * Throws what {@link getUcred} throws, and `ERR_UNIX_CRED_UNSUPPORTED` before Linux 6.5.
 */
export function getPeerPidfd(socket: SocketLike): number {
  return openPeerPidfd(socket).pidfd;
}

/** {@link getPeerPidfd} plus the peer's pid (from SO_PEERCRED in the same call). The caller owns the pidfd; a new one on every call. */
export const openPeerPidfd: (socket: SocketLike) => PeerPidfd = peerQuery(native, readPidfd);

/** Whether the process a pidfd refers to is still running (not yet exited; a zombie counts as exited). Throws `EBADF` for a closed pidfd. */
export function pidfdIsAlive(pidfd: number): boolean {
  const rc = ops.pidfdAlive(pidfd, 0) as number;
  if (rc < 0) native.fail(rc, 'poll', 'pidfd');
  return rc === 1;
}

/** pidfd_send_signal(2): signals exactly the process of the pidfd, never a process that reused its pid. */
export function pidfdSendSignal(pidfd: number, signal: number): void {
  const rc = ops.pidfdSignal(pidfd, signal) as number;
  if (rc < 0) native.fail(rc, 'pidfd_send_signal', 'pidfd_send_signal (Linux 5.1 and later)');
}

/** close(2) on a descriptor this package handed out (a pidfd). Throws `EBADF` for one already closed. */
export function closeDescriptor(fd: number): void {
  const rc = ops.close(fd, 0) as number;
  if (rc < 0) native.fail(rc, 'close', 'close');
}

/**
 * The calling process's ids (credentials(7)): getresuid(2) and getresgid(2) for the real, effective and
 * saved ids, setfsuid(2) and setfsgid(2) for the file-system ids (asked without changing them), getgroups(2).
 * Every field has a value on Linux. Read anew on every call: a process may change its own ids.
 */
export function getProcessCredentials(): ProcessCredentials {
  return readProcessCredentials(native, 'processCredentials');
}

/**
 * Credential and descriptor passing, GLib UnixConnection wire-compatible (see README): SO_PASSCRED and, where
 * the kernel has it, SO_PASSPIDFD; SCM_CREDENTIALS with the sender's pid, euid and egid; SCM_RIGHTS. The peer
 * credentials (getUcredGroups) stand in where no credential message came with the byte.
 */
export const passing: Passing = createPassing(native, { peer: getUcredGroups, close: closeDescriptor });

/** A pidfd of the peer as the unified API's PeerProcess. */
class PidfdProcess implements PeerProcess {
  #fd: number;
  constructor(
    readonly pid: number,
    fd: number,
  ) {
    this.#fd = fd;
  }
  get fd(): number {
    return this.#fd;
  }
  #open(): number {
    if (this.#fd < 0) throw Object.assign(new Error('This PeerProcess is closed'), { code: 'ERR_INVALID_STATE' });
    return this.#fd;
  }
  isAlive(): boolean {
    return pidfdIsAlive(this.#open());
  }
  kill(signal: NodeJS.Signals | number = 'SIGTERM'): void {
    const number = typeof signal === 'number' ? signal : builtin('node:os').constants.signals[signal];
    if (number === undefined || !Number.isInteger(number) || number < 0) {
      throw Object.assign(new TypeError(`Unknown signal: ${String(signal)}`), { code: 'ERR_UNKNOWN_SIGNAL' });
    }
    pidfdSendSignal(this.#open(), number);
  }
  close(): void {
    if (this.#fd < 0) return;
    const fd = this.#fd;
    this.#fd = -1;
    closeDescriptor(fd);
  }
  [Symbol.dispose](): void {
    this.close();
  }
}

/**
 * The ids the kernel reports for a uid or gid with no mapping in this process's user namespace
 * (user_namespaces(7)): /proc/sys/kernel/overflowuid and overflowgid, read once. Where /proc cannot be read,
 * the kernel's default (DEFAULT_OVERFLOWUID, include/linux/highuid.h), as the kernel itself would use.
 */
let unmapped: UnmappedIds | undefined;
function overflowId(kind: 'uid' | 'gid'): number {
  try {
    return Number.parseInt(readFileSync(`/proc/sys/kernel/overflow${kind}`, 'latin1'), 10);
  } catch {
    return 65534;
  }
}

/** Linux for the unified API (the umbrella package `unix-cred`). getUcred and getUcredGroups hand out fresh objects. */
export const platform: Platform = {
  capabilities: capabilities.linux,
  peerCredentials: getUcredGroups,
  peerPidUidGid: getUcred,
  peerUidGid: uidGidOf(getUcred),
  peerProcess(socket) {
    const { pidfd, pid } = openPeerPidfd(socket);
    if (pid === 0) {
      // A process handle whose pid would be 0: process.kill(0) signals our own process group.
      closeDescriptor(pidfd);
      throw unsupported('getPeerProcess of a peer in a pid namespace this process cannot see (it has no pid here: SO_PEERCRED says 0)');
    }
    return new PidfdProcess(pid, pidfd);
  },
  unmappedIds() {
    return (unmapped ??= { uid: overflowId('uid'), gid: overflowId('gid') });
  },
  processCredentials: getProcessCredentials,
  passing,
};
