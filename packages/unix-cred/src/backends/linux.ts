import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { unsupported } from '@unix-cred/internal';
import type * as Linux from '@unix-cred/linux';
import type { Backend, PeerProcess, UnmappedIds } from '../types.js';

// Destructured once: property reads on a module namespace object are slow on a hot path.
const { getUcred, getUcredGroups, openPeerPidfd, pidfdIsAlive, pidfdSendSignal, closeDescriptor, getProcessCredentials } = createRequire(import.meta.url)(
  '@unix-cred/linux',
) as typeof Linux;

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
    const number = typeof signal === 'number' ? signal : constants.signals[signal];
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

// SO_PEERCRED reports pid 0 for a peer in a pid namespace this process cannot see. The Linux
// package's fresh result objects are handed on as they are unless pid needs
// mapping: one allocation per call on the hot path.
export const backend: Backend = {
  credentials(socket) {
    const cred = getUcredGroups(socket);
    return cred.pid === 0 ? { pid: null, uid: cred.uid, gid: cred.gid, groups: cred.groups } : cred;
  },
  pidUidGid(socket) {
    const cred = getUcred(socket);
    return cred.pid === 0 ? { pid: null, uid: cred.uid, gid: cred.gid } : cred;
  },
  uidGid(socket) {
    const cred = getUcred(socket);
    return { uid: cred.uid, gid: cred.gid };
  },
  process(socket) {
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
};
