/** How the native results of @unix-cred/darwin become its API objects (pure: tested with fabricated words). */
import { knownPid } from '@unix-cred/internal';

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
  /**
   * LOCAL_PEERPID: the pid of the process that last did I/O on the peer's socket (the peer itself, unless it handed
   * the socket on); null once the peer has closed (the kernel then answers ENOTCONN for it, but keeps the xucred).
   */
  pid: number | null;
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

/** words: [0] LOCAL_PEERPID (0: the peer has closed; pid 0 is no user process either), [1] euid, [2] egid. */
export function decodeXucredPid(words: ArrayLike<number>, groups: number[]): XucredPid {
  return { pid: knownPid(words[0]!), uid: words[1]!, gid: words[2]!, groups };
}

/** LOCAL_PEERTOKEN: the audit token of the process that last did I/O on the peer's socket, as its task holds it at the call. */
export interface PeerAuditToken {
  /** The 32-byte audit_token_t as the kernel gave it (8 unsigned ints in the Mac's byte order), for the APIs that take one. */
  token: Buffer;
  /** audit_token_to_pid: val[5]. */
  pid: number;
  /** audit_token_to_euid: val[1], the effective uid. */
  euid: number;
  /** audit_token_to_egid: val[2], the effective gid. */
  egid: number;
}

/** A uuid_t (16 bytes) as the canonical lowercase string, as uuid_unparse_lower(3) writes it. */
export function decodeUuid(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes.buffer, bytes.byteOffset, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** An audit_token_t (32 bytes), decoded as bsm/libbsm.h's audit_token_to_* do; both Mac CPUs are little-endian. */
export function decodeAuditToken(bytes: Uint8Array): PeerAuditToken {
  const token = Buffer.from(bytes.subarray(0, 32));
  return { token, pid: token.readInt32LE(5 * 4), euid: token.readUInt32LE(1 * 4), egid: token.readUInt32LE(2 * 4) };
}
