/**
 * The capability matrix: what each OS can do, in one place. The platform packages expose their row as
 * `platform.capabilities` (tested against what the package does), the conformance suite takes its expectations
 * from it, and the per-OS tables of the README and of the umbrella's JSDoc are tested against it. Each package
 * hands its row to loadNative, where the peer queries read it. Every fact is sourced in docs/platforms.md (section
 * numbers below); change it there and here together.
 */
import type { PlatformName } from './platform.js';

export interface Capabilities {
  /** The OS as people name it. */
  os: string;
  /** The npm package that serves it. */
  package: '@unix-cred/linux' | '@unix-cred/bsd' | '@unix-cred/darwin' | '@unix-cred/solaris';
  /** The peer query (docs/platforms.md section 1). */
  peerCall: string;
  pid: {
    /** Whether the peer's pid is ever reported; false: always null. */
    reported: boolean;
    /** Which process it names, when it is taken, and when it is null (sections 1.1, 1.2). */
    meaning: string;
    /** 'connect': taken by the kernel at connect()/listen() (bind() on OpenBSD, NetBSD); 'first query': at the first query of the socket. */
    taken: 'connect' | 'first query' | null;
  };
  groups: {
    /** Whether the peer's groups are reported; false: always null. */
    reported: boolean;
    /** 'kernel': the kernel's list as it holds it; 'egid first': the effective gid, then the supplementary ones. */
    order: 'kernel' | 'egid first' | null;
    /** The most the kernel reports (a longer list is cut), or null for no limit of the call. */
    limit: number | null;
  };
  /** Credential messages of receiveCredentials (section 5). */
  credentialMessages: {
    /** What the kernel attaches to a stream's byte, or null: none, the peer credentials stand in. */
    message: string | null;
    /** The `source` of receiveCredentials on a connected stream. */
    source: 'message' | 'peer';
    /** Whether a datagram (raw descriptor) can bring the sender's credentials per message. */
    datagram: boolean;
  };
  /** A race-free process handle (getPeerProcess), or null: none on this OS. */
  processHandle: string | null;
  /** getProcessCredentials: the call giving the saved ids (`suid`, `sgid`), or null: they are null. */
  savedIds: string | null;
  /** getProcessCredentials: whether the file-system ids (`fsuid`, `fsgid`) exist; else they are null. */
  fsIds: boolean;
  /** Whether a connect() can be made to wait for accept() (setConnWait of @unix-cred/bsd). */
  connectionWait: string | null;
  /** sun_path's size: a socket path has at most this many bytes less its NUL. */
  socketPathSize: number;
}

/**
 * A row of the matrix: the public {@link Capabilities} and the kernel facts only the library's own code branches
 * on. Those change no answer and no error, only which system calls give them, so they stay out of the public type.
 */
export interface CapabilityRow extends Capabilities {
  /**
   * Whether a socket accept() returned is known never to listen, so the first peer query of a net.Server's
   * connection asks no SO_ACCEPTCONN (section 3). Linux: unix_listen (net/unix/af_unix.c) answers EINVAL unless
   * the socket is TCP_CLOSE or TCP_LISTEN, and an accepted one is TCP_ESTABLISHED for good. False elsewhere: the
   * BSDs and macOS ask no SO_ACCEPTCONN at all (their peer option refuses a listener itself, section 2); illumos
   * clears SS_ISCONNECTED once a connection ends and Solaris's source cannot be read, so the sunos build checks
   * every socket.
   */
  acceptedSocketNeverListens: boolean;
}

const XUCRED_GROUPS = { reported: true, order: 'egid first', limit: 16 } as const;
const NO_GROUPS = { reported: false, order: null, limit: null } as const;
const AT_CONNECT = 'the peer as of connect() (server side) or listen() (client side)';
const AT_BIND = 'the peer as of connect() (server side) or, for a client, the server as of bind()';

export const capabilities: Readonly<Record<PlatformName, CapabilityRow>> = {
  linux: {
    os: 'Linux',
    package: '@unix-cred/linux',
    peerCall: '`SO_PEERCRED`, `SO_PEERGROUPS` (4.13+)',
    pid: { reported: true, meaning: `${AT_CONNECT}; null for a peer in a pid namespace this process cannot see`, taken: 'connect' },
    groups: { reported: true, order: 'kernel', limit: null },
    credentialMessages: { message: '`SCM_CREDENTIALS` (pid, uid, gid) with `SO_PASSCRED`', source: 'message', datagram: true },
    processHandle: 'pidfd (`SO_PEERPIDFD`, 6.5+)',
    savedIds: 'getresuid(2), getresgid(2)',
    fsIds: true,
    connectionWait: null,
    socketPathSize: 108,
    acceptedSocketNeverListens: true,
  },
  freebsd: {
    os: 'FreeBSD',
    package: '@unix-cred/bsd',
    peerCall: '`LOCAL_PEERCRED` (xucred)',
    pid: { reported: true, meaning: `${AT_CONNECT}; FreeBSD 13+, null before`, taken: 'connect' },
    groups: XUCRED_GROUPS,
    credentialMessages: { message: '`SCM_CREDS` (cmsgcred) sent; `SCM_CREDS2` (13+) or `LOCAL_CREDS` received', source: 'message', datagram: true },
    processHandle: null,
    savedIds: 'getresuid(2), getresgid(2)',
    fsIds: false,
    connectionWait: '`LOCAL_CONNWAIT` (before 15)',
    socketPathSize: 104,
    acceptedSocketNeverListens: false,
  },
  dragonfly: {
    os: 'DragonFly',
    package: '@unix-cred/bsd',
    peerCall: '`LOCAL_PEERCRED` (xucred)',
    pid: { reported: false, meaning: 'null: the xucred has no pid', taken: null },
    groups: XUCRED_GROUPS,
    credentialMessages: { message: '`SCM_CREDS` (cmsgcred) with `SO_PASSCRED`', source: 'message', datagram: true },
    processHandle: null,
    savedIds: 'getresuid(2), getresgid(2)',
    fsIds: false,
    connectionWait: null,
    socketPathSize: 104,
    acceptedSocketNeverListens: false,
  },
  openbsd: {
    os: 'OpenBSD',
    package: '@unix-cred/bsd',
    peerCall: '`SO_PEERCRED` (sockpeercred)',
    pid: { reported: true, meaning: AT_BIND, taken: 'connect' },
    groups: NO_GROUPS,
    credentialMessages: { message: null, source: 'peer', datagram: false },
    processHandle: null,
    savedIds: 'getresuid(2), getresgid(2)',
    fsIds: false,
    connectionWait: null,
    socketPathSize: 104,
    acceptedSocketNeverListens: false,
  },
  netbsd: {
    os: 'NetBSD',
    package: '@unix-cred/bsd',
    peerCall: '`LOCAL_PEEREID` (unpcbid)',
    pid: { reported: true, meaning: AT_BIND, taken: 'connect' },
    groups: NO_GROUPS,
    credentialMessages: { message: '`SCM_CREDS` (sockcred) with `LOCAL_CREDS`', source: 'message', datagram: true },
    processHandle: null,
    savedIds: null,
    fsIds: false,
    connectionWait: '`LOCAL_CONNWAIT`',
    socketPathSize: 104,
    acceptedSocketNeverListens: false,
  },
  darwin: {
    os: 'macOS',
    package: '@unix-cred/darwin',
    peerCall: '`LOCAL_PEERCRED` (xucred), `LOCAL_PEERPID`',
    pid: { reported: true, meaning: "the last process to do I/O on the peer's socket, at the first query; null once the peer has closed", taken: 'first query' },
    groups: XUCRED_GROUPS,
    credentialMessages: { message: null, source: 'peer', datagram: false },
    processHandle: null,
    savedIds: null,
    fsIds: false,
    connectionWait: null,
    socketPathSize: 104,
    acceptedSocketNeverListens: false,
  },
  sunos: {
    os: 'Solaris, illumos',
    package: '@unix-cred/solaris',
    peerCall: 'getpeerucred(3C)',
    pid: { reported: true, meaning: `${AT_CONNECT}; null where the OS does not report it (a peer in another zone)`, taken: 'connect' },
    groups: { reported: true, order: 'kernel', limit: null },
    credentialMessages: { message: null, source: 'peer', datagram: true },
    processHandle: null,
    savedIds: 'ucred_get(3C) of the process itself',
    fsIds: false,
    connectionWait: null,
    socketPathSize: 108,
    acceptedSocketNeverListens: false,
  },
};
