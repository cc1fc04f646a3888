/**
 * unix-cred: who is on the other end of a UNIX-domain socket, on every Unix Node runs on.
 * Loads the platform package of this OS at the first call and gives one API over it.
 */
import { capabilities as matrix, platformName, type Capabilities, type CapabilityRow, type PeerCredentials, type PeerPidUidGid, type PeerProcess, type PeerUidGid, type PlatformName, type ProcessCredentials, type SocketLike } from '@unix-cred/internal';
import { loaded } from './platform.js';
import { checkPeerWith, type PeerPolicy } from './policy.js';

export type { PeerPolicy } from './policy.js';
export type { Capabilities, PeerCredentials, PeerPidUidGid, PeerProcess, PeerUidGid, PlatformName, ProcessCredentials, SocketLike, UnmappedIds } from './types.js';

/**
 * This OS as unix-cred names it: process.platform, but 'dragonfly' for DragonFly BSD. On an OS unix-cred does
 * not support it is process.platform, and every call throws `ERR_UNIX_CRED_UNSUPPORTED`.
 */
export const platform: PlatformName = platformName() ?? (process.platform as PlatformName);

/**
 * What this OS can do (its row of the capability matrix: which pid, which groups, credential messages, process
 * handle, saved and file-system ids, connection wait, socket path size); null on an OS unix-cred does not support.
 * Branch on these, not on the OS name.
 */
export const capabilities: Capabilities | null = platformName() === undefined ? null : publicRow(matrix[platform]);

/** A copy of a matrix row (the caller's to keep) without the kernel facts only the library's own code reads. */
function publicRow({ acceptedSocketNeverListens: _, ...row }: CapabilityRow): Capabilities {
  return structuredClone(row);
}

/**
 * pid, effective uid and gid, and groups of the peer: a server sees its client as of `connect()`, a client
 * its server as of `listen()` (as of `bind()` on OpenBSD and NetBSD), a `socketpair()` its creator. A `net.Socket`'s answer is cached for the
 * life of its handle (it never changes); a raw descriptor is checked on every call (numbers are reused).
 *
 * | OS | call | pid | groups |
 * |---|---|---|---|
 * | Linux | `SO_PEERCRED`, `SO_PEERGROUPS` (4.13+) | the peer as of connect() (server side) or listen() (client side); null for a peer in a pid namespace this process cannot see | the kernel's list |
 * | FreeBSD | `LOCAL_PEERCRED` (xucred) | the peer as of connect() (server side) or listen() (client side); FreeBSD 13+, null before | at most 16, the egid first |
 * | DragonFly | `LOCAL_PEERCRED` (xucred) | null: the xucred has no pid | at most 16, the egid first |
 * | OpenBSD | `SO_PEERCRED` (sockpeercred) | the peer as of connect() (server side) or, for a client, the server as of bind() | null |
 * | NetBSD | `LOCAL_PEEREID` (unpcbid) | the peer as of connect() (server side) or, for a client, the server as of bind() | null |
 * | macOS | `LOCAL_PEERCRED` (xucred), `LOCAL_PEERPID` | the last process to do I/O on the peer's socket, at the first query; null once the peer has closed | at most 16, the egid first |
 * | Solaris, illumos | getpeerucred(3C) | the peer as of connect() (server side) or listen() (client side); null where the OS does not report it (a peer in another zone) | the kernel's list |
 *
 * @throws `TypeError` `ERR_INVALID_ARG_TYPE` / `RangeError` `ERR_OUT_OF_RANGE` for an argument that is no socket or descriptor.
 * @throws `ERR_SOCKET_CLOSED` for a `net.Socket` with no descriptor (not connected yet, destroyed).
 * @throws `EBADF`, `ENOTSOCK` (system errors, with `errno` and `syscall`) for a bad descriptor or one that is no socket.
 * @throws `ERR_UNIX_CRED_NOT_UNIX_SOCKET` for a socket of another family (TCP, UDP).
 * @throws `ENOTCONN` for a listening or unconnected socket, or one without a valid peer (never the caller's own ids).
 * @throws `ERR_UNIX_CRED_UNSUPPORTED` where the OS or kernel lacks the call, naming it.
 */
export function getPeerCredentials(socket: SocketLike): PeerCredentials {
  return loaded().peerCredentials(socket);
}

/**
 * Effective uid and gid of the peer, with as few system calls as the OS allows: Linux `SO_PEERCRED`, FreeBSD,
 * DragonFly and macOS `LOCAL_PEERCRED`, OpenBSD `SO_PEERCRED`, NetBSD `LOCAL_PEEREID`, Solaris getpeerucred(3C).
 * Cached and checked as {@link getPeerCredentials}, and throws what it throws.
 */
export function getPeerUidGid(socket: SocketLike): PeerUidGid {
  return loaded().peerUidGid(socket);
}

/**
 * pid, effective uid and gid of the peer: {@link getPeerCredentials} without the groups (on Linux, one
 * system call less). pid is null where the OS cannot say, as there. Throws what getPeerCredentials throws.
 */
export function getPeerPidUidGid(socket: SocketLike): PeerPidUidGid {
  return loaded().peerPidUidGid(socket);
}

/**
 * A handle on the peer process that never refers to another process, even after the peer exits and its pid is
 * reused: a pidfd from `SO_PEERPIDFD` (Linux 6.5+). The caller owns it: close it, or `using peer = getPeerProcess(socket)`.
 * A new pidfd on every call. Throws what {@link getPeerCredentials} throws, and:
 *
 * @throws `ERR_UNIX_CRED_UNSUPPORTED` before Linux 6.5, and on every other OS (none has a race-free process handle);
 *   also for a peer in a pid namespace this process cannot see (it has no pid here: never a handle with pid 0).
 */
export function getPeerProcess(socket: SocketLike): PeerProcess {
  return loaded().peerProcess(socket);
}

/**
 * Authorizes a peer: returns its {@link getPeerCredentials | credentials} when it matches at least one rule
 * of the {@link PeerPolicy} (uids, gids, group membership, sameUser). The policy is checked before the socket:
 * an empty or malformed one is a TypeError, never a silent refusal of everyone. Group membership needs the
 * peer's group list: on OpenBSD and NetBSD, which report none, only the effective gid proves it. On Linux an
 * id with no mapping in this process's user namespace reads as the overflow id (/proc/sys/kernel/overflowuid,
 * overflowgid; 65534 by default): it matches no rule, not even `sameUser` or a list that names it.
 *
 * ```js
 * net.createServer((socket) => {
 *   try {
 *     checkPeer(socket, { groups: [staffGid], sameUser: true });
 *   } catch {
 *     return socket.destroy(); // not one of ours, or no valid peer: fail closed
 *   }
 *   // ...serve a member of staff, or our own user
 * });
 * ```
 * (examples/group-http-server in the repository does the same for HTTP, answering 403.)
 *
 * @throws `ERR_UNIX_CRED_PEER_REJECTED` when no rule matches; the credentials are on `error.credentials`.
 * @throws `TypeError` `ERR_INVALID_ARG_TYPE` for a policy with no rule, or ids that are not integers from 0 to 4294967295.
 * @throws what {@link getPeerCredentials} throws.
 */
export function checkPeer(socket: SocketLike, policy: PeerPolicy): PeerCredentials {
  return checkPeerWith(getPeerCredentials, socket, policy, loaded().unmappedIds() ?? undefined);
}

/**
 * The calling process's ids, as credentials(7) lists them: pid, ppid, pgid, sid; real, effective and saved
 * uid and gid; the file-system uid and gid; the supplementary groups. Read anew on every call (a process may
 * change its own ids). An id the OS has no call for is `null`:
 *
 * | OS | saved ids (`suid`, `sgid`) | file-system ids (`fsuid`, `fsgid`) |
 * |---|---|---|
 * | Linux | getresuid(2), getresgid(2) | setfsuid(2), setfsgid(2), asked without changing them |
 * | FreeBSD | getresuid(2), getresgid(2) | `null` |
 * | DragonFly | getresuid(2), getresgid(2) | `null` |
 * | OpenBSD | getresuid(2), getresgid(2) | `null` |
 * | NetBSD | `null`: no call gives them | `null` |
 * | macOS | `null`: no call gives them | `null` |
 * | Solaris, illumos | ucred_get(3C) of the process itself | `null` |
 *
 * `groups` is getgroups(2)'s list: on Linux the kernel's (`Groups:` in /proc/self/status), without the egid
 * that Node's `process.getgroups()` may add.
 *
 * @throws `ERR_UNIX_CRED_UNSUPPORTED` on an OS unix-cred does not support, or whose package is not installed.
 */
export function getProcessCredentials(): ProcessCredentials {
  return loaded().processCredentials();
}

export { enableCredentialPassing, receiveCredentials, receiveFd, receiveFds, sendCredentials, sendFd, sendFds } from './passing.js';
export type { ReceivedCredentials, ReceivedFds } from './types.js';
