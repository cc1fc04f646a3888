import { createRequire } from 'node:module';
import { constants } from 'node:os';
import type * as Linux from '@unix-cred/linux';
import type { Backend, PeerProcess } from '../types.js';

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
    return new PidfdProcess(pid, pidfd);
  },
  processCredentials: getProcessCredentials,
};
