import { createRequire } from 'node:module';
import { unsupported } from '@unix-cred/internal';
import type * as Darwin from '@unix-cred/darwin';
import type { Backend } from '../types.js';

// Destructured once: property reads on a module namespace object are slow on a hot path.
const { getXucred, getXucredAndPid, getProcessCredentials } = createRequire(import.meta.url)('@unix-cred/darwin') as typeof Darwin;

// The pid is LOCAL_PEERPID's (docs/api.md, "What pid is"), read with the xucred in one native call and cached with
// it per net.Socket; null once the peer has closed.
export const backend: Backend = {
  credentials: getXucredAndPid,
  pidUidGid(socket) {
    const { pid, uid, gid } = getXucredAndPid(socket);
    return { pid, uid, gid };
  },
  uidGid(socket) {
    const { uid, gid } = getXucred(socket);
    return { uid, gid };
  },
  process() {
    throw unsupported('getPeerProcess needs a Linux pidfd; macOS has no race-free process handle');
  },
  processCredentials: getProcessCredentials,
};
