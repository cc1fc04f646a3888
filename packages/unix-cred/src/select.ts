import { createRequire } from 'node:module';
import { type } from 'node:os';
import { unsupported, type PlatformName } from '@unix-cred/internal';
import type { Backend } from './types.js';

const require = createRequire(import.meta.url);

// The platform package of each OS. Loaded with require so that only this OS's package must be installed.
export const packageOf: Record<PlatformName, string> = {
  linux: '@unix-cred/linux',
  freebsd: '@unix-cred/bsd',
  dragonfly: '@unix-cred/bsd',
  openbsd: '@unix-cred/bsd',
  netbsd: '@unix-cred/bsd',
  darwin: '@unix-cred/darwin',
  sunos: '@unix-cred/solaris',
};

const bsd = (): Backend => (require('./backends/bsd.js') as typeof import('./backends/bsd.js')).backend;
const backendOf: Partial<Record<PlatformName, () => Backend>> = {
  linux: () => (require('./backends/linux.js') as typeof import('./backends/linux.js')).backend,
  freebsd: bsd,
  dragonfly: bsd,
  openbsd: bsd,
  netbsd: bsd,
  darwin: () => (require('./backends/darwin.js') as typeof import('./backends/darwin.js')).backend,
  sunos: () => (require('./backends/solaris.js') as typeof import('./backends/solaris.js')).backend,
};

/** A backend whose every call throws: the OS is unsupported, or its package failed to load. */
function failing(makeError: () => Error): Backend {
  const fail = (): never => {
    throw makeError();
  };
  return { credentials: fail, pidUidGid: fail, uidGid: fail, process: fail, processCredentials: fail };
}

function notInstalled(name: string, cause: unknown): Error {
  const error = unsupported(`${name}, the unix-cred package for ${process.platform}, is not installed (npm install ${name})`);
  return Object.assign(error, { cause });
}

export function selectBackend(platform: PlatformName | undefined): Backend {
  if (platform === undefined) return failing(() => unsupported(`unix-cred has no support for this OS: ${process.platform} (${type()})`));
  const load = backendOf[platform];
  if (load === undefined) return failing(() => unsupported(`unix-cred does not implement ${platform} yet`));
  try {
    return load();
  } catch (cause) {
    const missing = (cause as { code?: string }).code === 'MODULE_NOT_FOUND' && String((cause as Error).message).includes(packageOf[platform]);
    return failing(() => (missing ? notInstalled(packageOf[platform], cause) : (cause as Error)));
  }
}
