/** The expected results of c/passing_scenarios.h's UC_PASSING_SCENARIOS on one OS, and the logs they share. */
import { UC, type Expected } from './c-driver.js';

export interface PassingOs {
  /** Alignment of the CMSG_* macros: 8 on the BSDs' LP64, 4 on macOS and illumos. */
  align: 4 | 8;
  /** MSG_CMSG_CLOEXEC, or null where the OS has none (macOS: FD_CLOEXEC right after recvmsg). */
  cloexec: number | null;
  scmRights: number;
  errno: Readonly<Record<string, number>>;
  /** Whether the OS's build asks SO_ACCEPTCONN (UC_ASK_ACCEPTCONN in unix_cred/posix.h): illumos yes, the BSDs and macOS no. */
  asksAcceptconn?: boolean;
}

const SOL_SOCKET = 0xffff;
const MSG_DONTWAIT = 0x80;
const F_SETFD = 2;
const CRED_DATAGRAM = 16;

const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, i) => from + i);
const ints = (values: number[]): Buffer => Buffer.from(Int32Array.from(values).buffer);

/** CMSG_LEN(len) of the OS. */
export const cmsgLen = (os: PassingOs, len: number): number => Math.ceil(12 / os.align) * os.align + len;

/** The fake kernel's log of one control message that the op sent. */
export const sentCmsg = (os: PassingOs, type: number, len: number): string => `cmsg level ${SOL_SOCKET};type ${type};len ${cmsgLen(os, len)};`;

export const sendLog = (cmsgs: string, data: number): string => `sendmsg flags ${MSG_DONTWAIT};${cmsgs}data ${data};`;

/** A recvmsg, then FD_CLOEXEC on each of `received` where the OS has no MSG_CMSG_CLOEXEC. */
export const receiveLog = (os: PassingOs, received: number[] = []): string =>
  `recvmsg flags ${MSG_DONTWAIT | (os.cloexec ?? 0)};` + (os.cloexec === null ? received.map((fd) => `fcntl ${fd};command ${F_SETFD};`).join('') : '');

export const closeLog = (fds: number[]): string => fds.map((fd) => `close ${fd};`).join('');

export function passingCases(os: PassingOs): [string, Expected][] {
  const sentThree = sendLog(sentCmsg(os, os.scmRights, 12) + 'fd 5;fd 6;fd 7;', 3);
  return [
    ['send fds', { rc: 3, log: sentThree }],
    ['send fds: a partial send', { rc: 2, log: sentThree }],
    ['send fds: the buffer is full (EAGAIN)', { rc: UC.WOULD_BLOCK!, log: `sendmsg flags ${MSG_DONTWAIT};` }],
    ['send fds: TCP', { rc: UC.NOT_UNIX!, log: '' }],
    ['send fds: 254 descriptors', { rc: -os.errno.EINVAL!, log: '' }],
    // Where the build asks SO_ACCEPTCONN: ENOTCONN, before anything is sent or any option set (a socket-activated
    // listener). Elsewhere no SO_ACCEPTCONN call is made and the kernel answers the listener itself.
    ['send fds: listening', os.asksAcceptconn ? { rc: UC.LISTENING!, log: '' } : { rc: 3, log: sentThree, counters: { getsockopt: 0 } }],
    ['send data alone, a checked handle', { rc: 3, log: sendLog('', 3), counters: { getsockname: 0 } }],
    [
      'receive fds',
      { rc: 17, words: { 0: 3, 1: 5 }, raw: Buffer.concat([ints([100, 101, 102]), Buffer.from('ddddd')]), log: receiveLog(os, range(100, 3)) },
    ],
    [
      'receive fds: 250 sent, 4 kept',
      { rc: 17, words: { 0: 4, 1: 1 }, raw: Buffer.concat([ints(range(100, 4)), Buffer.from('d')]), log: receiveLog(os, range(100, 250)) + closeLog(range(104, 246)) },
    ],
    ['receive fds: out of descriptors (MSG_CTRUNC)', { rc: UC.TRUNCATED!, log: receiveLog(os, range(100, 6)) + closeLog(range(100, 6)) }],
    ['receive fds: end of stream', { rc: UC.PEER_CLOSED!, log: receiveLog(os) }],
    ['receive fds: nothing yet (EAGAIN)', { rc: UC.WOULD_BLOCK!, log: receiveLog(os) }],
    ['receive fds: ECONNRESET', { rc: -os.errno.ECONNRESET!, log: receiveLog(os) }],
    ['receive fds: TCP', { rc: UC.NOT_UNIX!, log: '' }],
    [
      'receive fds: a record longer than the room (MSG_TRUNC)',
      { rc: 7, words: { 0: 1, 1: 3, 2: 1 }, raw: Buffer.concat([ints([100]), Buffer.from('ddd')]), log: receiveLog(os, [100]) },
    ],
    ['receive fds: listening', os.asksAcceptconn ? { rc: UC.LISTENING!, log: '' } : { rc: 13, log: receiveLog(os, range(100, 3)), counters: { getsockopt: 0 } }],
    ['receive credentials: listening', os.asksAcceptconn ? { rc: UC.LISTENING!, log: '' } : { rc: 0, words: { 0: 0 }, log: receiveLog(os) }],
    ['receive fds: bytes alone', { rc: 3, words: { 0: 0, 1: 3 }, raw: Buffer.from('ddd'), log: receiveLog(os) }],
    ['receive credentials: the byte alone', { rc: 0, words: { 0: 0 }, log: receiveLog(os) }],
    ['receive credentials: descriptors with the byte are closed', { rc: 0, words: { 0: 0 }, log: receiveLog(os, [100, 101]) + closeLog([100, 101]) }],
    ['receive credentials: end of stream', { rc: UC.PEER_CLOSED!, log: receiveLog(os) }],
    // A datagram socket's message without credentials: no peer's stand in (CRED_DATAGRAM); empty, it is no end.
    ['receive credentials: a datagram without credentials', { rc: 0, words: { 0: CRED_DATAGRAM }, log: receiveLog(os) }],
    ['receive credentials: an empty datagram', { rc: 0, words: { 0: CRED_DATAGRAM }, log: receiveLog(os) }],
    ['receive credentials: the end of a seqpacket connection', { rc: UC.PEER_CLOSED!, log: receiveLog(os) }],
    ['receive credentials: a checked handle (a net.Socket) is a stream', { rc: 0, words: { 0: 0 }, log: receiveLog(os) }],
    ['receive fds: an empty datagram', { rc: 0, words: { 0: 0, 1: 0 }, log: receiveLog(os) }],
  ];
}

/** The expected results of UC_NO_MESSAGE_SCENARIOS. */
export const noMessageCases: [string, Expected][] = [
  ['send credentials', { rc: 1, log: sendLog('', 1) }],
  ['enable', { rc: 0, words: { 0: 0 }, log: '' }],
  ['enable: TCP', { rc: UC.NOT_UNIX!, log: '' }],
];
