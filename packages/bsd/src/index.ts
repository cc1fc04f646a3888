/**
 * @unix-cred/bsd: peer credentials of UNIX-domain sockets on FreeBSD, DragonFly, OpenBSD and NetBSD.
 * FreeBSD and DragonFly: LOCAL_PEERCRED (xucred, with groups); OpenBSD: SO_PEERCRED; NetBSD: LOCAL_PEEREID.
 */
import type { Server } from 'node:net';
import { capabilities, createPassing, invalidArgType, noProcessHandle, noUnmappedIds, pidUidGidOf, uidGidOf, type Passing, loadNative, passingOps, peerQuery, platformName, readProcessCredentials, serverOrSocketDescriptor, unsupported, type NativeOp, type PassingOp, type PeerCredentials, type Platform, type ProcessCredentials, type SocketLike } from '@unix-cred/internal';
import { decodeUcred, decodeXucred, type Ucred, type Xucred } from './decode.js';

export type { Platform, ProcessCredentials, SocketLike } from '@unix-cred/internal';
export type { Ucred, Xucred } from './decode.js';
export type { Passing, PassingOptions, PassingSocket, ReceivedCredentials, ReceivedFds, ReceiveFdsOptions, SendFdsOptions } from '@unix-cred/internal';

type Op = 'peerXucred' | 'peerUcred' | 'processCredentials' | 'connWait' | PassingOp;

const os = platformName();

/** Whether this OS answers getXucred (FreeBSD, DragonFly); OpenBSD and NetBSD answer getUcred. */
export const hasXucred: boolean = os === 'freebsd' || os === 'dragonfly';
const served = os === 'freebsd' || os === 'dragonfly' || os === 'openbsd' || os === 'netbsd' ? os : undefined;
const servesThisOs = served !== undefined;
// Off a BSD, FreeBSD's row stands in.
const row = capabilities[served ?? 'freebsd'];

// The ops of the OS's native file (its uc_operations table) this module calls; the loader checks them. Each BSD's
// file has one peer op: FreeBSD and DragonFly's answers an xucred, OpenBSD and NetBSD's pid, uid and gid.
const peerOps: Op[] = !servesThisOs ? ['peerXucred', 'peerUcred'] : hasXucred ? ['peerXucred'] : ['peerUcred'];
const native = loadNative<Op>({
  packageName: '@unix-cred/bsd',
  moduleUrl: import.meta.url,
  servesThisOs,
  servedOsLabel: 'FreeBSD, DragonFly, OpenBSD and NetBSD',
  capabilities: row,
  ops: [...peerOps, 'processCredentials', 'connWait', ...passingOps],
});
const { words } = native;

// The other BSDs' peer op is absent here.
const absent = (feature: string): NativeOp => () => {
  throw unsupported(`${feature}; this is ${os}`);
};
const ops = native.ops as Partial<Record<Op, NativeOp>>;
const peerXucred = ops.peerXucred ?? absent('LOCAL_PEERCRED (xucred) exists on FreeBSD and DragonFly only');
const peerUcred = ops.peerUcred ?? absent('getUcred (SO_PEERCRED, LOCAL_PEEREID) exists on OpenBSD and NetBSD only');

function readXucred(fd: number, arg: number): Xucred {
  const result = peerXucred(fd, arg);
  if (typeof result === 'number' && result < 0) native.fail(result, 'getsockopt', 'LOCAL_PEERCRED');
  return decodeXucred(words, native.gids(result));
}

function readUcred(fd: number, arg: number): Ucred {
  const rc = peerUcred(fd, arg) as number;
  if (rc < 0) native.fail(rc, 'getsockopt', os === 'netbsd' ? 'LOCAL_PEEREID' : 'SO_PEERCRED');
  return decodeUcred(words);
}

/**
 * FreeBSD and DragonFly: LOCAL_PEERCRED. Throws ENOTCONN for a listening or unconnected socket,
 * ERR_UNIX_CRED_NOT_UNIX_SOCKET for TCP/UDP, ERR_UNIX_CRED_UNSUPPORTED on OpenBSD and NetBSD.
 */
export const getXucred: (socket: SocketLike) => Xucred = peerQuery(native, readXucred, (cred) => ({ ...cred, groups: cred.groups.slice() }));

/** OpenBSD (SO_PEERCRED) and NetBSD (LOCAL_PEEREID). Throws ERR_UNIX_CRED_UNSUPPORTED on FreeBSD and DragonFly. */
export const getUcred: (socket: SocketLike) => Ucred = peerQuery(native, readUcred, (cred) => ({ ...cred }));

/**
 * The calling process's ids (credentials(7)). FreeBSD, DragonFly and OpenBSD: getresuid(2) and getresgid(2)
 * give the saved ids; NetBSD has no call for them, so `suid` and `sgid` are null there. The file-system ids
 * are Linux's alone: null. `groups` is getgroups(2)'s list (older FreeBSD releases put the egid first).
 */
export function getProcessCredentials(): ProcessCredentials {
  return readProcessCredentials(native, 'processCredentials');
}

/**
 * LOCAL_CONNWAIT (unix(4)): with it on, a connect() blocks until the server's accept() has taken the connection,
 * not merely queued it. Set it on a listening `net.Server` (right after listen()) or on a raw descriptor before it
 * connects: NetBSD passes a listener's flag on to each connection, FreeBSD reads only the connecting socket's
 * (see README). FreeBSD before 15 and NetBSD have it.
 *
 * @throws `ERR_UNIX_CRED_UNSUPPORTED` where the OS or release lacks it: FreeBSD 15 and later, DragonFly, OpenBSD, any other OS.
 * @throws `ERR_UNIX_CRED_NOT_UNIX_SOCKET` for a TCP or UDP socket (nothing is set); `ERR_INVALID_STATE` for a server not listening.
 * @throws `TypeError` for an `on` that is no boolean or a target that is no socket; `EBADF` / `ENOTSOCK` for a bad descriptor.
 */
export function setConnWait(target: Server | SocketLike, on: boolean): void {
  if (typeof on !== 'boolean') throw invalidArgType('on', 'a boolean', on);
  const rc = ops.connWait!(serverOrSocketDescriptor(target, 'setConnWait'), on ? 1 : 0) as number;
  if (rc < 0) native.fail(rc, 'setsockopt', `LOCAL_CONNWAIT, which FreeBSD before 15 and NetBSD have; this is ${os ?? process.platform}`);
}

/** OpenBSD and NetBSD report no groups: null, as the unified API has it. */
function ucredCredentials(socket: SocketLike): PeerCredentials {
  const { pid, uid, gid } = getUcred(socket);
  return { pid, uid, gid, groups: null };
}

/**
 * Credential and descriptor passing, GLib UnixConnection wire-compatible (see README). FreeBSD: SCM_CREDS
 * (cmsgcred) sent, SCM_CREDS2 (LOCAL_CREDS_PERSISTENT, 13+) or LOCAL_CREDS received; DragonFly: SO_PASSCRED;
 * NetBSD: LOCAL_CREDS; OpenBSD: the plain byte, and the peer credentials on receipt (source 'peer').
 */
export const passing: Passing = createPassing(native, { peer: hasXucred ? getXucred : ucredCredentials });

/**
 * This BSD for the unified API (the umbrella package `unix-cred`); off a BSD, every call throws and
 * `capabilities` is FreeBSD's row. getXucred and getUcred hand out fresh objects.
 */
export const platform: Platform = {
  capabilities: row,
  peerCredentials: hasXucred ? getXucred : ucredCredentials,
  peerPidUidGid: hasXucred ? pidUidGidOf(getXucred) : getUcred,
  peerUidGid: uidGidOf(hasXucred ? getXucred : getUcred),
  peerProcess: noProcessHandle(row.os),
  processCredentials: getProcessCredentials,
  unmappedIds: noUnmappedIds,
  passing,
};
