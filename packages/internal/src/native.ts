import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { constants } from 'node:os';
import { UC_CHECK_LISTENING } from './peer.js';
import { notConnected, notUnixSocket, peerClosed, systemError, truncated, unsupported, type UnixCredError } from './errors.js';

const require = createRequire(import.meta.url);
const nodeGypBuild = require('node-gyp-build') as (directory: string) => unknown;

/** One native operation (see include/unix_cred/os.h): >= 0 or an error code, or an ArrayBuffer for a large result. */
export type NativeOp = (fd: number, arg: number) => number | ArrayBuffer;

interface Codes {
  LISTENING: number;
  NO_PEER: number;
  NOT_UNIX: number;
  UNSUPPORTED: number;
  BAD_VERSION: number;
  BAD_LENGTH: number;
  TRUNCATED: number;
  NO_MEMORY: number;
  WOULD_BLOCK: number;
  PEER_CLOSED: number;
  CHECK_LISTENING: number;
  WORDS: number;
}

export interface Native<Op extends string> {
  /** Fixed-size results of the last call. */
  readonly words: Uint32Array;
  readonly ops: Readonly<Record<Op, NativeOp>>;
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

function missingBinary(packageName: string, directory: string, cause: unknown): UnixCredError {
  const error = new Error(
    `${packageName}: no native binary loads on ${runtimeTarget()}.\n` +
      `  Looked for a prebuild in ${directory}/prebuilds and a local build in ${directory}/build/Release.\n` +
      `  Build it from source with: npm rebuild ${packageName}  (or in this repository: pnpm --filter ${packageName} build)\n` +
      `  That needs python3, GNU make (gmake on the BSDs) and a C++ compiler (Debian: apt-get install python3 make g++).\n` +
      `  Cause: ${cause instanceof Error ? cause.message : String(cause)}`,
    { cause },
  );
  return Object.assign(error, { code: 'ERR_UNIX_CRED_BINARY_NOT_FOUND' });
}

function opTable<Op extends string>(names: readonly Op[], pick: (name: Op) => NativeOp): Record<Op, NativeOp> {
  return Object.fromEntries(names.map((name) => [name, pick(name)])) as Record<Op, NativeOp>;
}

type Addon<Op extends string> = { buffer: ArrayBuffer; codes: Codes } & Pick<Native<Op>, 'hold' | 'same' | 'release' | 'wait' | 'cancel'> & Record<Op, NativeOp>;

function wrap<Op extends string>(addon: Addon<Op>, opNames: readonly Op[]): Native<Op> {
  const { codes } = addon;
  if (codes.CHECK_LISTENING !== UC_CHECK_LISTENING) throw new Error('unix-cred: the native binary and its JavaScript disagree; rebuild it');
  const inlineBytes = new Uint8Array(addon.buffer, codes.WORDS * 4);
  const inlineWords = new Uint32Array(addon.buffer, codes.WORDS * 4);
  const ops = opTable(opNames, (name) => addon[name]);
  const bytes = (result: number | ArrayBuffer): Uint8Array =>
    typeof result === 'number' ? inlineBytes.subarray(0, result) : new Uint8Array(result);
  return {
    words: new Uint32Array(addon.buffer, 0, codes.WORDS),
    ops,
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
          throw systemError(constants.errno.ENOMEM, syscall);
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
    bytes: () => new Uint8Array(0),
    gids: () => [],
    fail: op,
    // Room for the inputs a passing call writes before its op throws.
    input: new Uint8Array(4096),
    wouldBlock: 0,
    hold: op,
    same: op,
    release: op,
    wait: op,
    cancel: op,
  };
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
    addon = nodeGypBuild(directory);
  } catch (cause) {
    throw missingBinary(options.packageName, directory, cause);
  }
  return wrap(addon as Addon<Op>, options.ops);
}
