import { createRequire } from 'node:module';
import { unsupported } from '@unix-cred/internal';
import type * as Solaris from '@unix-cred/solaris';
import type { Backend } from '../types.js';

// Destructured once: property reads on a module namespace object are slow on a hot path.
const { getPeerUcred, effectiveCredentials, getProcessCredentials } = createRequire(import.meta.url)('@unix-cred/solaris') as typeof Solaris;

// The effective ids of getpeerucred(3C); a peer the OS reports no effective ids for is ENOTCONN.
export const backend: Backend = {
  credentials: (socket) => effectiveCredentials(getPeerUcred(socket)),
  pidUidGid(socket) {
    const { pid, uid, gid } = effectiveCredentials(getPeerUcred(socket));
    return { pid, uid, gid };
  },
  uidGid(socket) {
    const { uid, gid } = effectiveCredentials(getPeerUcred(socket));
    return { uid, gid };
  },
  process() {
    throw unsupported('getPeerProcess needs a Linux pidfd; Solaris and illumos have no race-free process handle');
  },
  processCredentials: getProcessCredentials,
};
