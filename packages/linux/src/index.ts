/**
 * @unix-cred/linux: peer credentials of UNIX-domain sockets on Linux.
 * SO_PEERCRED, SO_PEERGROUPS, SO_PEERPIDFD and SO_PEERSEC, with the kernel's sentinels refused.
 */
import { loadNative, peerQuery, type Native, type SocketLike } from '@unix-cred/internal';

export type { SocketLike } from '@unix-cred/internal';

/** SO_PEERCRED: the peer's pid and effective uid and gid when it connected (client) or listened (server). */
export interface Ucred {
  /** 0 when the peer is in a pid namespace this process cannot see. */
  pid: number;
  uid: number;
  gid: number;
}

type Op = 'peerCred' | 'peerCredGroups' | 'peerGroups' | 'peerPidfd' | 'peerSecurity' | 'pidfdAlive' | 'pidfdSignal' | 'close';

const native: Native<Op> = loadNative<Op>({
  packageName: '@unix-cred/linux',
  moduleUrl: import.meta.url,
  servesThisOs: process.platform === 'linux',
  servedOsLabel: 'Linux',
  ops: ['peerCred', 'peerCredGroups', 'peerGroups', 'peerPidfd', 'peerSecurity', 'pidfdAlive', 'pidfdSignal', 'close'],
});
const { words, ops } = native;

function readUcred(fd: number, arg: number): Ucred {
  const rc = ops.peerCred(fd, arg) as number;
  if (rc < 0) native.fail(rc, 'getsockopt', 'SO_PEERCRED');
  return { pid: words[0]!, uid: words[1]!, gid: words[2]! };
}

function readGroups(fd: number, arg: number): number[] {
  const result = ops.peerGroups(fd, arg);
  if (typeof result === 'number' && result < 0) native.fail(result, 'getsockopt', 'SO_PEERGROUPS (Linux 4.13 and later)');
  return native.gids(result);
}

/** Ucred plus the peer's groups, read in one native call (for the umbrella's getPeerCredentials). */
export interface UcredGroups extends Ucred {
  groups: number[];
}

function readUcredGroups(fd: number, arg: number): UcredGroups {
  const result = ops.peerCredGroups(fd, arg);
  if (typeof result === 'number' && result < 0) native.fail(result, 'getsockopt', 'SO_PEERGROUPS (Linux 4.13 and later)');
  return { pid: words[0]!, uid: words[1]!, gid: words[2]!, groups: native.gids(result) };
}

function readSecurityContext(fd: number, arg: number): string | null {
  const result = ops.peerSecurity(fd, arg);
  if (typeof result === 'number' && result < 0) native.fail(result, 'getsockopt', 'SO_PEERSEC');
  if (words[0] === 0) return null;
  return Buffer.from(native.bytes(result)).toString('utf8');
}

/** A pidfd of the peer and the pid SO_PEERCRED gives for the same process. */
export interface PeerPidfd {
  pidfd: number;
  pid: number;
}

function readPidfd(fd: number, arg: number): PeerPidfd {
  const rc = ops.peerPidfd(fd, arg) as number;
  if (rc < 0) native.fail(rc, 'getsockopt', 'SO_PEERPIDFD (Linux 6.5 and later)');
  return { pidfd: words[0]!, pid: words[1]! };
}

/** SO_PEERCRED. Throws ENOTCONN for a listening or unconnected socket, ERR_UNIX_CRED_NOT_UNIX_SOCKET for TCP/UDP. */
export const getUcred: (socket: SocketLike) => Ucred = peerQuery(readUcred, (cred) => ({ pid: cred.pid, uid: cred.uid, gid: cred.gid }));

/** SO_PEERGROUPS: the peer's supplementary groups as the kernel holds them (as /proc/<pid>/status shows). */
export const getPeerGroups: (socket: SocketLike) => number[] = peerQuery(readGroups, (groups) => groups.slice());

/** getUcred and getPeerGroups together, in one native call. */
export const getUcredGroups: (socket: SocketLike) => UcredGroups = peerQuery(readUcredGroups, (cred) => ({
  pid: cred.pid,
  uid: cred.uid,
  gid: cred.gid,
  groups: cred.groups.slice(),
}));

/** SO_PEERSEC: the peer's LSM label (SELinux, AppArmor, Smack), or null when no LSM labels sockets. */
export const getPeerSecurityContext: (socket: SocketLike) => string | null = peerQuery(readSecurityContext, (label) => label);

/**
 * SO_PEERPIDFD (Linux 6.5+): a pidfd of the peer process, close-on-exec. The caller owns it and must close it.
 * The peer pid inside it never refers to another process, even after the peer exits and its pid is reused.
 */
export function getPeerPidfd(socket: SocketLike): number {
  return openPeerPidfd(socket).pidfd;
}

/** getPeerPidfd plus the peer's pid (from SO_PEERCRED in the same call). The caller owns the pidfd. */
export const openPeerPidfd: (socket: SocketLike) => PeerPidfd = peerQuery(readPidfd);

/** Whether the process a pidfd refers to is still running (not yet exited; a zombie counts as exited). */
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

/** close(2) on a descriptor this package handed out. */
export function closeDescriptor(fd: number): void {
  const rc = ops.close(fd, 0) as number;
  if (rc < 0) native.fail(rc, 'close', 'close');
}
