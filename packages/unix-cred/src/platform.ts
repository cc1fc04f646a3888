import { createRequire } from 'node:module';
import { builtin, capabilities, platformName, unsupported, type Passing, type Platform, type PlatformName } from '@unix-cred/internal';

const require = createRequire(import.meta.url);

// One static require per package (as sharp loads its binaries): bundlers see them, and only the package of
// this OS must be installed.
function requirePlatform(name: PlatformName): Platform {
  switch (capabilities[name].package) {
    case '@unix-cred/linux':
      return (require('@unix-cred/linux') as typeof import('@unix-cred/linux')).platform;
    case '@unix-cred/bsd':
      return (require('@unix-cred/bsd') as typeof import('@unix-cred/bsd')).platform;
    case '@unix-cred/darwin':
      return (require('@unix-cred/darwin') as typeof import('@unix-cred/darwin')).platform;
    case '@unix-cred/solaris':
      return (require('@unix-cred/solaris') as typeof import('@unix-cred/solaris')).platform;
  }
}

/** A Platform whose every call, peer query and passing alike, throws the one diagnosis of why there is none. */
function failing(makeError: () => Error): Platform {
  const fail = (): never => {
    throw makeError();
  };
  const reject = async (): Promise<never> => fail();
  const passing: Passing = { enableCredentialPassing: fail, sendCredentials: reject, receiveCredentials: reject, sendFds: reject, receiveFds: reject, sendFd: reject, receiveFd: reject };
  return {
    get capabilities(): never {
      return fail();
    },
    peerCredentials: fail,
    peerPidUidGid: fail,
    peerUidGid: fail,
    peerProcess: fail,
    processCredentials: fail,
    unmappedIds: fail,
    passing,
  };
}

/** The Platform of `name`; where the OS is unsupported or its package is missing or broken, one that says why on every call. */
export function loadPlatform(name: PlatformName | undefined): Platform {
  if (name === undefined) return failing(() => unsupported(`unix-cred has no support for this OS: ${process.platform} (${builtin('node:os').type()})`));
  const packageName = capabilities[name].package;
  try {
    return requirePlatform(name);
  } catch (cause) {
    const missing = (cause as { code?: string }).code === 'MODULE_NOT_FOUND' && String((cause as Error).message).includes(packageName);
    if (!missing) return failing(() => cause as Error);
    return failing(() =>
      Object.assign(unsupported(`${packageName}, the unix-cred package for ${process.platform}, is not installed (npm install ${packageName})`), { cause }),
    );
  }
}

let current: Platform | undefined;

/**
 * The Platform of this OS, loaded by the first call that needs it: importing unix-cred loads neither the
 * platform package nor its addon (about a third of the import's cost). A missing or broken package is the
 * same failing Platform either way, whose every call says why.
 */
export function loaded(): Platform {
  return (current ??= loadPlatform(platformName()));
}
