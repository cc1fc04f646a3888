/**
 * @unix-cred/darwin: peer credentials of UNIX-domain sockets on macOS.
 * LOCAL_PEERCRED (xucred: effective uid, groups), LOCAL_PEERPID and LOCAL_PEEREPID.
 */
import { capabilities, createPassing, noProcessHandle, noUnmappedIds, pidUidGidOf, uidGidOf, type Passing, type Platform, loadNative, passingOps, peerQuery, readProcessCredentials, type PassingOp, type ProcessCredentials, type SocketLike } from '@unix-cred/internal';
import { decodeAuditToken, decodeUuid, decodeXucred, decodeXucredPid, type PeerAuditToken, type Xucred, type XucredPid } from './decode.js';

export type { Platform, ProcessCredentials, SocketLike } from '@unix-cred/internal';
export type { PeerAuditToken, Xucred, XucredPid } from './decode.js';
export type { Passing, PassingOptions, PassingSocket, ReceivedCredentials, ReceivedFds, ReceiveFdsOptions, SendFdsOptions } from '@unix-cred/internal';

// The ops of this package's native file (its uc_operations table) that this module calls; the loader checks them.
const osOps = ['peerXucred', 'peerXucredPid', 'peerPid', 'peerEffectivePid', 'processCredentials', 'peerUuid', 'peerEffectiveUuid', 'peerToken'] as const;
type Op = (typeof osOps)[number] | PassingOp;

const native = loadNative<Op>({
  packageName: '@unix-cred/darwin',
  moduleUrl: import.meta.url,
  servesThisOs: process.platform === 'darwin',
  servedOsLabel: 'macOS',
  capabilities: capabilities.darwin,
  ops: [...osOps, ...passingOps],
});
const { words, ops } = native;

function readXucred(fd: number, arg: number): Xucred {
  const result = ops.peerXucred(fd, arg);
  if (typeof result === 'number' && result < 0) native.fail(result, 'getsockopt', 'LOCAL_PEERCRED');
  return decodeXucred(words, native.gids(result));
}

function readXucredPid(fd: number, arg: number): XucredPid {
  const result = ops.peerXucredPid(fd, arg);
  if (typeof result === 'number' && result < 0) native.fail(result, 'getsockopt', 'LOCAL_PEERCRED and LOCAL_PEERPID');
  return decodeXucredPid(words, native.gids(result));
}

const readPid =
  (op: 'peerPid' | 'peerEffectivePid', option: string) =>
  (fd: number, arg: number): number => {
    const rc = ops[op](fd, arg) as number;
    if (rc < 0) native.fail(rc, 'getsockopt', option);
    return words[0]!;
  };

const copy = <T extends { groups: number[] }>(cred: T): T => ({ ...cred, groups: cred.groups.slice() });

/**
 * LOCAL_PEERCRED. Throws ENOTCONN for a listening or unconnected socket (and a datagram socket: xucred is
 * for stream sockets), ERR_UNIX_CRED_NOT_UNIX_SOCKET for TCP/UDP.
 */
export const getXucred: (socket: SocketLike) => Xucred = peerQuery(native, readXucred, copy);

/** getXucred plus LOCAL_PEERPID, in one native call (for the umbrella's getPeerCredentials). */
export const getXucredAndPid: (socket: SocketLike) => XucredPid = peerQuery(native, readXucredPid, copy);

/**
 * LOCAL_PEERPID: the pid of the process that last did I/O on the peer's socket (at connect or listen,
 * the peer itself). It changes when the peer hands its socket on, so it is read anew on every call.
 */
export const getPeerPid: (socket: SocketLike) => number = peerQuery(native, readPid('peerPid', 'LOCAL_PEERPID'));

/** LOCAL_PEEREPID: the effective pid: the process the peer acts for when it delegated (else as getPeerPid). */
export const getPeerEffectivePid: (socket: SocketLike) => number = peerQuery(native, readPid('peerEffectivePid', 'LOCAL_PEEREPID'));

/** Reads an identity op of src/darwin.c and decodes its bytes. */
const readBytes =
  <T>(op: 'peerUuid' | 'peerEffectiveUuid' | 'peerToken', option: string, decode: (bytes: Uint8Array) => T) =>
  (fd: number, arg: number): T => {
    const rc = ops[op](fd, arg) as number;
    if (rc < 0) native.fail(rc, 'getsockopt', option);
    return decode(native.bytes(rc));
  };

/**
 * LOCAL_PEERUUID: the UUID of the executable (its Mach-O LC_UUID) of the process that last did I/O on the peer's
 * socket, as the canonical lowercase string. Like {@link getPeerPid} it follows the socket, so it is read anew on
 * every call. Throws what getPeerPid throws.
 */
export const getPeerUuid: (socket: SocketLike) => string = peerQuery(native, readBytes('peerUuid', 'LOCAL_PEERUUID', decodeUuid));

/** LOCAL_PEEREUUID: the executable UUID of the process the peer acts for when it delegated (else as getPeerUuid). */
export const getPeerEffectiveUuid: (socket: SocketLike) => string = peerQuery(native, readBytes('peerEffectiveUuid', 'LOCAL_PEEREUUID', decodeUuid));

/**
 * LOCAL_PEERTOKEN: the audit token of the process that last did I/O on the peer's socket (the one getPeerPid
 * names), as its task holds it at the call: the 32 bytes and the pid, euid and egid in it. Read anew on every
 * call. Throws ENOTCONN also when that process has exited, and what getPeerPid throws.
 */
export const getPeerAuditToken: (socket: SocketLike) => PeerAuditToken = peerQuery(native, readBytes('peerToken', 'LOCAL_PEERTOKEN', decodeAuditToken));

/**
 * The calling process's ids (credentials(7)). macOS has no getresuid: `suid` and `sgid` are null, as are the
 * file-system ids (Linux's alone). `groups` is getgroups(2)'s list.
 */
export function getProcessCredentials(): ProcessCredentials {
  return readProcessCredentials(native, 'processCredentials');
}

/**
 * Credential and descriptor passing, GLib UnixConnection wire-compatible (see README). macOS has no credential
 * messages: the byte travels alone and receiveCredentials reports the peer's xucred and LOCAL_PEERPID (source 'peer').
 */
export const passing: Passing = createPassing(native, {
  peer: getXucredAndPid,
});

/**
 * macOS for the unified API (the umbrella package `unix-cred`): the pid is LOCAL_PEERPID's (docs/platforms.md
 * section 1.1), read with the xucred in one native call and cached with it per net.Socket.
 */
export const platform: Platform = {
  capabilities: capabilities.darwin,
  peerCredentials: getXucredAndPid,
  peerPidUidGid: pidUidGidOf(getXucredAndPid),
  peerUidGid: uidGidOf(getXucred),
  peerProcess: noProcessHandle(capabilities.darwin.os),
  processCredentials: getProcessCredentials,
  unmappedIds: noUnmappedIds,
  passing,
};
