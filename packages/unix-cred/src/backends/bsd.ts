import { createRequire } from 'node:module';
import { platformName, unsupported } from '@unix-cred/internal';
import type * as Bsd from '@unix-cred/bsd';
import type { Backend } from '../types.js';

// Destructured once: property reads on a module namespace object are slow on a hot path.
const { getUcred, getXucred, hasXucred, getProcessCredentials } = createRequire(import.meta.url)('@unix-cred/bsd') as typeof Bsd;

const noProcessHandle = (): never => {
  throw unsupported(`getPeerProcess needs a Linux pidfd; ${platformName()} has no race-free process handle`);
};

// FreeBSD and DragonFly: xucred, with the groups (egid first) and a pid where the kernel fills one.
// OpenBSD and NetBSD: pid, uid and gid, and no groups. getXucred and getUcred hand out fresh objects.
export const backend: Backend = hasXucred
  ? {
      credentials: getXucred,
      pidUidGid(socket) {
        const { pid, uid, gid } = getXucred(socket);
        return { pid, uid, gid };
      },
      uidGid(socket) {
        const { uid, gid } = getXucred(socket);
        return { uid, gid };
      },
      process: noProcessHandle,
      processCredentials: getProcessCredentials,
    }
  : {
      credentials(socket) {
        const { pid, uid, gid } = getUcred(socket);
        return { pid, uid, gid, groups: null };
      },
      pidUidGid: getUcred,
      uidGid(socket) {
        const { uid, gid } = getUcred(socket);
        return { uid, gid };
      },
      process: noProcessHandle,
      processCredentials: getProcessCredentials,
    };
