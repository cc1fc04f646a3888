import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CapabilityRow } from './capabilities.js';
import { builtin, notConnected, notUnixSocket, peerClosed, systemError, truncated, unsupported, type UnixCredError } from './errors.js';

/** One native operation (see include/unix_cred/os.h): >= 0 or an error code, or an ArrayBuffer for a large result. */
export type NativeOp = (fd: number, arg: number) => number | ArrayBuffer;

/** The error codes of include/unix_cred/os.h (UC_ERRORS) this JavaScript tells apart; the addon exports their values. */
const errorNames = ['LISTENING', 'NO_PEER', 'NOT_UNIX', 'UNSUPPORTED', 'BAD_VERSION', 'BAD_LENGTH', 'TRUNCATED', 'NO_MEMORY', 'WOULD_BLOCK', 'PEER_CLOSED'] as const;

/** The numbers of include/unix_cred/os.h (UC_CONSTANTS) and async.h this JavaScript reads; the addon exports their values. */
const constantNames = [
  'WORDS',
  'CHECK_LISTENING',
  'PEER_INET',
  'KNOWN_SUID',
  'KNOWN_FSUID',
  'KNOWN_SGID',
  'KNOWN_FSGID',
  'PASS_CHECK',
  'PASS_KEEP_PIDFD',
  'CRED_MESSAGE',
  'CRED_PID',
  'CRED_GROUPS',
  'CRED_PIDFD',
  'CRED_DATAGRAM',
  'PASS_MAX_SEND_FDS',
  'PASS_MAX_RECEIVE_FDS',
  'READABLE',
  'WRITABLE',
] as const;

export type NativeConstants = Readonly<Record<(typeof constantNames)[number], number>>;
type NativeErrors = Readonly<Record<(typeof errorNames)[number], number>>;

export interface Native<Op extends string> {
  /** Fixed-size results of the last call. */
  readonly words: Uint32Array;
  readonly ops: Readonly<Record<Op, NativeOp>>;
  /**
   * The numbers C and JavaScript share, as the addon declares them (include/unix_cred/os.h). Off the package's
   * OS, reading one throws ERR_UNIX_CRED_UNSUPPORTED, as every op does: read them in calls, never at load.
   */
  readonly constants: NativeConstants;
  /** The served OS's row of the capability matrix, which the peer queries branch on (readable at load). */
  readonly capabilities: CapabilityRow;
  /** Variable-size result of the last call, `result` being what the op returned. */
  bytes(result: number | ArrayBuffer): Uint8Array;
  /** A gid_t[] result of the last call. */
  gids(result: number | ArrayBuffer): number[];
  /** Throws the error an op's negative result stands for. */
  fail(result: number, syscall: string, feature: string): never;
  /** The inline byte area, where the passing ops read their inputs (include/unix_cred/passing.h). */
  readonly input: Uint8Array;
  /** What a passing op returns when the socket is not ready: wait, then call it again. */
  readonly wouldBlock: number;
  /** A duplicate of fd that a waiting call acts on from then on (include/unix_cred/async.h), or a negative errno. */
  hold(fd: number): number;
  /** 1 if fd still names the file `copy` (from hold) duplicates; 0 if it is closed or names another. */
  same(fd: number, copy: number): number;
  /** Closes a duplicate hold() made; anything else is left alone (-EBADF). */
  release(copy: number): number;
  /** Waits for a held duplicate to be readable (1) or writable (2) on this thread's event loop. */
  wait(copy: number, events: number, id: number): Promise<number> | number;
  /** Settles the wait `id` at once (with kCancelled: the caller knows why it cancelled). */
  cancel(id: number): void;
}

/** A short description of this runtime, for messages about missing binaries. */
function runtimeTarget(): string {
  const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  const libc = process.platform !== 'linux' ? '' : header?.glibcVersionRuntime ? ` glibc ${header.glibcVersionRuntime}` : ' musl';
  return `${process.platform}-${process.arch}${libc}, Node ${process.versions.node} (Node-API ${process.versions.napi})`;
}

/**
 * How to have each package manager run the install script that builds the addon: npm and Yarn run it, pnpm 10,
 * Bun and Deno only for packages the project allows.
 */
export function buildFromSourceCommands(packageName: string): string[] {
  return [
    `npm (runs install scripts): npm rebuild ${packageName}`,
    `pnpm 10: pnpm approve-builds (or add ${packageName} to onlyBuiltDependencies in pnpm-workspace.yaml), then pnpm rebuild ${packageName}`,
    `Bun: bun pm trust ${packageName} (adds it to trustedDependencies in package.json and runs its install script)`,
    `Deno: deno install --allow-scripts=npm:${packageName}`,
    `in the unix-cred repository: pnpm --filter ${packageName} build`,
  ];
}

function missingBinary(packageName: string, directory: string, cause: unknown): UnixCredError {
  const error = new Error(
    `${packageName}: no native binary loads on ${runtimeTarget()}.\n` +
      `  Looked for a prebuild in ${directory}/prebuilds and a local build in ${directory}/build/Release.\n` +
      `  Its install script builds it from source where no prebuild ships, if the package manager lets it run:\n` +
      buildFromSourceCommands(packageName).map((command) => `    ${command}\n`).join('') +
      `  That needs python3, GNU make (gmake on the BSDs) and a C++ compiler (Debian: apt-get install python3 make g++).\n` +
      // node-gyp-build's message ends with a newline: trimmed, so that a code printed after it stays on its line.
      `  Cause: ${(cause instanceof Error ? cause.message : String(cause)).trimEnd()}`,
    { cause },
  );
  return Object.assign(error, { code: 'ERR_UNIX_CRED_BINARY_NOT_FOUND' });
}

function opTable<Op extends string>(names: readonly Op[], pick: (name: Op) => NativeOp): Record<Op, NativeOp> {
  return Object.fromEntries(names.map((name) => [name, pick(name)])) as Record<Op, NativeOp>;
}

type Addon<Op extends string> = { buffer: ArrayBuffer; errors: NativeErrors; constants: NativeConstants; ops: readonly string[] } & Pick<
  Native<Op>,
  'hold' | 'same' | 'release' | 'wait' | 'cancel'
> &
  Record<Op, NativeOp>;

/**
 * What the JavaScript needs of the addon and the addon lacks (a binary built from other sources): every op it
 * calls, every number it reads. An empty list when none is missing.
 */
function missingFromAddon(addon: Partial<Addon<string>>, opNames: readonly string[]): string[] {
  const exported = new Set(Array.isArray(addon.ops) ? addon.ops : []);
  const absent = (table: object | undefined, names: readonly string[]) => names.filter((name) => typeof (table as Record<string, unknown> | undefined)?.[name] !== 'number');
  return [
    ...opNames.filter((name) => !exported.has(name) || typeof (addon as Record<string, unknown>)[name] !== 'function').map((name) => `op ${name}`),
    ...absent(addon.errors, errorNames).map((name) => `error code ${name}`),
    ...absent(addon.constants, constantNames).map((name) => `constant ${name}`),
  ];
}

function binaryMismatch(packageName: string, missing: readonly string[]): UnixCredError {
  const error = new Error(
    `${packageName}: its native binary lacks ${missing.join(', ')}, which its JavaScript calls: the binary was built from other sources.\n` +
      `  Rebuild it: npm rebuild ${packageName}  (or in this repository: pnpm --filter ${packageName} build)`,
  );
  return Object.assign(error, { code: 'ERR_UNIX_CRED_BINARY_MISMATCH', missing });
}

function wrap<Op extends string>(addon: Addon<Op>, options: NativeOptions<Op>): Native<Op> {
  const { errors: codes, constants } = addon;
  const inlineBytes = new Uint8Array(addon.buffer, constants.WORDS * 4);
  const inlineWords = new Uint32Array(addon.buffer, constants.WORDS * 4);
  const ops = opTable(options.ops, (name) => addon[name]);
  const bytes = (result: number | ArrayBuffer): Uint8Array =>
    typeof result === 'number' ? inlineBytes.subarray(0, result) : new Uint8Array(result);
  return {
    words: new Uint32Array(addon.buffer, 0, constants.WORDS),
    ops,
    constants,
    capabilities: options.capabilities,
    bytes,
    input: inlineBytes,
    wouldBlock: codes.WOULD_BLOCK,
    hold: addon.hold,
    same: addon.same,
    release: addon.release,
    wait: addon.wait,
    cancel: addon.cancel,
    gids(result) {
      if (typeof result !== 'number') return Array.from(new Uint32Array(result));
      // An index loop over the persistent view: no view or iterator per call on the common path.
      const gids = new Array<number>(result >>> 2);
      for (let i = 0; i < gids.length; i++) gids[i] = inlineWords[i]!;
      return gids;
    },
    fail(result, syscall, feature) {
      switch (result) {
        case codes.LISTENING:
          throw notConnected(syscall, 'the socket is listening: it has no peer, and it would answer with the credentials of whoever called listen()');
        case codes.NO_PEER:
          throw notConnected(syscall, 'the socket is not connected to a peer');
        case codes.NOT_UNIX:
          throw notUnixSocket();
        case codes.UNSUPPORTED:
          throw unsupported(feature);
        case codes.BAD_VERSION:
          throw unsupported(`${feature}: the kernel answered a structure version this build does not know`);
        case codes.BAD_LENGTH:
          throw unsupported(`${feature}: the kernel answered a length this build does not expect`);
        case codes.TRUNCATED:
          throw truncated(feature);
        case codes.NO_MEMORY:
          throw systemError(builtin('node:os').constants.errno.ENOMEM, syscall);
        case codes.PEER_CLOSED:
          throw peerClosed(feature);
        default:
          throw systemError(-result, syscall);
      }
    },
  };
}

export interface NativeOptions<Op extends string> {
  /** npm name of the platform package, for messages. */
  packageName: string;
  /** `import.meta.url` of a module in the package's dist/ folder. */
  moduleUrl: string;
  /** Whether this package serves the running OS; when not, no binary is loaded and every op throws. */
  servesThisOs: boolean;
  /** The OSes the package serves, for the message of ERR_UNIX_CRED_UNSUPPORTED elsewhere ('Linux'). */
  servedOsLabel: string;
  /** The served OS's row of the capability matrix (on another OS, the row of one the package serves). */
  capabilities: CapabilityRow;
  ops: readonly Op[];
}

/** A stand-in on an OS the package does not serve: importing works, every op throws ERR_UNIX_CRED_UNSUPPORTED. */
function otherOs<Op extends string>(options: NativeOptions<Op>): Native<Op> {
  const op = (): never => {
    throw unsupported(`${options.packageName} works on ${options.servedOsLabel} only; this is ${process.platform}`);
  };
  return {
    words: new Uint32Array(0),
    ops: opTable(options.ops, () => op),
    constants: new Proxy({} as NativeConstants, { get: op }),
    capabilities: options.capabilities,
    bytes: () => new Uint8Array(0),
    gids: () => [],
    fail: op,
    // Nothing is written: a passing call reads a constant, which throws, first.
    input: new Uint8Array(0),
    wouldBlock: 0,
    hold: op,
    same: op,
    release: op,
    wait: op,
    cancel: op,
  };
}

/**
 * The binary node-gyp-build would load first, found without loading it (its CommonJS and probing cost more start-up
 * time than the rest of the import): the local build, else this platform's prebuild under scripts/prebuild.js's
 * name. Undefined where its environment variables choose otherwise: node-gyp-build decides then.
 */
function usualBinary(directory: string, packageName: string): string | undefined {
  const override = `${packageName.toUpperCase().replace(/-/g, '_')}_PREBUILD`;
  if (process.env.PREBUILDS_ONLY || process.env.LIBC || process.env.npm_config_arch || process.env.npm_config_platform || process.env[override]) return undefined;
  const build = (kind: string) => {
    try {
      const name = readdirSync(`${directory}/build/${kind}`).find((file) => file.endsWith('.node'));
      return name === undefined ? undefined : `${directory}/build/${kind}/${name}`;
    } catch {
      return undefined;
    }
  };
  const local = build('Release');
  if (local !== undefined) return local;
  if (build('Debug') !== undefined) return undefined;
  const libc = process.platform !== 'linux' ? '' : existsSync('/etc/alpine-release') ? '.musl' : '.glibc';
  return `${directory}/prebuilds/${process.platform}-${process.arch}/${packageName.replace('/', '+')}${libc}.node`;
}

function loadAddon(directory: string, packageName: string): unknown {
  const file = usualBinary(directory, packageName);
  if (file !== undefined) {
    const module = { exports: {} };
    try {
      process.dlopen(module, file);
      return module.exports;
    } catch {
      // Not there, or it does not load: node-gyp-build looks further, and its error says what it tried.
    }
  }
  const nodeGypBuild = builtin('node:module').createRequire(import.meta.url)('node-gyp-build') as (directory: string) => unknown;
  return nodeGypBuild(directory);
}

/**
 * Loads a platform package's addon. The ops are plain functions, bound once, so a hot path calls
 * them with no check; on an OS the package does not serve they throw ERR_UNIX_CRED_UNSUPPORTED.
 */
export function loadNative<Op extends string>(options: NativeOptions<Op>): Native<Op> {
  if (!options.servesThisOs) return otherOs(options);
  const directory = fileURLToPath(new URL('..', options.moduleUrl)).replace(/\/$/, '');
  let addon: unknown;
  try {
    addon = loadAddon(directory, options.packageName);
  } catch (cause) {
    throw missingBinary(options.packageName, directory, cause);
  }
  const missing = missingFromAddon(addon as Partial<Addon<string>>, options.ops);
  if (missing.length > 0) throw binaryMismatch(options.packageName, missing);
  return wrap(addon as Addon<Op>, options);
}
