import type { Native, NativeConstants } from './native.js';

/**
 * The identifiers of the calling process, as credentials(7) lists them. An id the OS has no call for is
 * `null`: the saved ids on macOS and NetBSD, the file-system ids everywhere but Linux.
 */
export interface ProcessCredentials {
  /** getpid(2). */
  pid: number;
  /** getppid(2). */
  ppid: number;
  /** Process group id: getpgrp(2). */
  pgid: number;
  /** Session id: getsid(0). */
  sid: number;
  /** Real uid: who owns the process. */
  ruid: number;
  /** Effective uid: what most permission checks use. */
  euid: number;
  /** Saved set-user-ID (getresuid(2), Solaris ucred_get(3C)); `null` where the OS has no call for it. */
  suid: number | null;
  /** Linux file-system uid (setfsuid(2)): the uid of file permission checks, normally the euid. `null` elsewhere. */
  fsuid: number | null;
  /** Real gid. */
  rgid: number;
  /** Effective gid. */
  egid: number;
  /** Saved set-group-ID; `null` where the OS has no call for it. */
  sgid: number | null;
  /** Linux file-system gid; `null` elsewhere. */
  fsgid: number | null;
  /**
   * The supplementary groups as getgroups(2) gives them: on Linux the kernel's list (`Groups:` in
   * /proc/self/status), which does not add the egid as Node's `process.getgroups()` may.
   */
  groups: number[];
}

/**
 * The result of a native process-credentials op (layout in include/unix_cred/process.h; words[0] holds the
 * KNOWN_* bits of the optional ids the OS reported).
 */
export function decodeProcessCredentials(words: ArrayLike<number>, groups: number[], constants: Pick<NativeConstants, 'KNOWN_SUID' | 'KNOWN_FSUID' | 'KNOWN_SGID' | 'KNOWN_FSGID'>): ProcessCredentials {
  const { KNOWN_SUID, KNOWN_FSUID, KNOWN_SGID, KNOWN_FSGID } = constants;
  const known = words[0]!;
  const optional = (bit: number, index: number): number | null => (known & bit ? words[index]! : null);
  return {
    pid: words[1]!,
    ppid: words[2]!,
    pgid: words[3]!,
    sid: words[4]!,
    ruid: words[5]!,
    euid: words[6]!,
    suid: optional(KNOWN_SUID, 7),
    fsuid: optional(KNOWN_FSUID, 8),
    rgid: words[9]!,
    egid: words[10]!,
    sgid: optional(KNOWN_SGID, 11),
    fsgid: optional(KNOWN_FSGID, 12),
    groups,
  };
}

/** Runs a platform package's `processCredentials` op; off its OS, the op throws ERR_UNIX_CRED_UNSUPPORTED. */
export function readProcessCredentials<Op extends string>(native: Native<Op>, op: Op): ProcessCredentials {
  const result = native.ops[op](0, 0);
  if (typeof result === 'number' && result < 0) native.fail(result, 'getgroups', 'getgroups');
  return decodeProcessCredentials(native.words, native.gids(result), native.constants);
}
