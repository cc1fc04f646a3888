/**
 * Logic tests of an OS's C file on Linux: compiles it unchanged with the system cc against stand-in
 * headers of its OS (-nostdinc), links it with a fake kernel and a driver that runs the scenarios of a
 * scenario file, and returns what each scenario's op answered.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const here = fileURLToPath(new URL('.', import.meta.url));
const internalInclude = join(here, '..', 'include');

/** The contract of include/unix_cred/os.h as C compiles it: c/contract.c prints its UC_ERRORS and UC_CONSTANTS. */
function readContract(): { errors: Record<string, number>; constants: Record<string, number> } {
  const work = mkdtempSync(join(tmpdir(), 'unix-cred-contract-'));
  try {
    const binary = join(work, 'contract');
    execFileSync(process.env.CC ?? 'cc', ['-std=c11', '-Wall', '-Wextra', '-Werror', `-I${internalInclude}`, join(here, 'c', 'contract.c'), '-o', binary], { stdio: ['ignore', 'pipe', 'pipe'] });
    return JSON.parse(execFileSync(binary, { encoding: 'utf8' }));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
const contract = readContract();

/** The UC_E_* codes, by name without the prefix (NO_PEER, NOT_UNIX, ...). */
export const UC: Readonly<Record<string, number>> = contract.errors;
/** The UC_* constants, by name without the prefix (KNOWN_SUID, PASS_CHECK, ...). */
export const UC_CONSTANTS: Readonly<Record<string, number>> = contract.constants;

export interface DriverSpec {
  /** The package under test; its src/ is on the include path. */
  packageDir: string;
  /** The OS file and the scenario file, relative to packageDir. */
  sources: string[];
  /** Stand-in header folders of the OS (relative to packageDir), searched in order before the shared ones. */
  standins: string[];
  /** Whether the OS is of the 4.4BSD family, whose shared stand-ins (socket.h, types.h) it uses. */
  bsd: boolean;
  /** The OS's own errno numbers (they differ by OS: ENOTCONN is 57 on the BSDs, 134 on illumos). */
  errno: Readonly<Record<string, number>>;
  /** The macros the OS's compiler predefines (__FreeBSD__, __sun ...) and the build's own (-D). */
  defines: string[];
}

export interface ScenarioResult {
  rc: number;
  words: number[];
  /** The variable-size result as gid_t values (every op here returns groups there). */
  groups: number[];
  /** Whether the op grew its result buffer on the heap. */
  heap: boolean;
  /** Calls into the fake kernel, by name. */
  counters: Record<string, number>;
  /** The variable-size result as bytes. */
  raw: Buffer;
  /** What the fake sendmsg, recvmsg, setsockopt, fcntl and close saw ("close 100;..."). */
  log: string;
}

/** Builds and runs the driver; returns each scenario's result by name. */
export function runScenarios(spec: DriverSpec): Map<string, ScenarioResult> {
  const standin = join(here, 'standin');
  const includes = [
    ...spec.standins.map((dir) => join(spec.packageDir, dir)),
    ...(spec.bsd ? [join(standin, 'bsd')] : []),
    join(standin, 'libc'),
    join(here, 'c'),
    internalInclude,
    join(spec.packageDir, 'src'),
  ];
  const defines = [...spec.defines, ...Object.entries(spec.errno).map(([name, value]) => `${name}=${value}`)];
  const work = mkdtempSync(join(tmpdir(), 'unix-cred-driver-'));
  try {
    const binary = join(work, 'driver');
    execFileSync(
      process.env.CC ?? 'cc',
      [
        '-std=c11', '-O1', '-Wall', '-Wextra', '-Werror', '-nostdinc',
        // The host is Linux; the file under test must see only its own OS.
        '-U__linux__', '-U__linux', '-Ulinux', '-U__gnu_linux__',
        ...defines.map((define) => `-D${define}`),
        ...includes.map((dir) => `-I${dir}`),
        ...spec.sources.map((source) => join(spec.packageDir, source)),
        join(here, 'c', 'fake_kernel.c'),
        join(here, 'c', 'fake_process.c'),
        join(here, 'c', 'fake_passing.c'),
        join(here, 'c', 'driver.c'),
        '-o', binary,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const lines = execFileSync(binary, { encoding: 'utf8' }).trim().split('\n');
    return new Map(
      lines.map((line) => {
        const { name, bytes, ...rest } = JSON.parse(line) as Omit<ScenarioResult, 'groups'> & { name: string; bytes: string };
        const raw = Buffer.from(bytes, 'hex');
        const groups = Array.from({ length: raw.length / 4 }, (_, i) => raw.readUInt32LE(i * 4));
        return [name, { ...rest, groups, raw }];
      }),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** What a scenario must answer; unnamed words and counters are not checked. */
export interface Expected {
  rc: number;
  words?: Record<number, number>;
  groups?: number[];
  counters?: Record<string, number>;
  /** The fake kernel's log of the passing calls, exactly. */
  log?: string;
  /** The variable-size result's bytes, exactly. */
  raw?: Buffer;
}

/** Checks one scenario's result against what it must answer. */
export function checkScenario(results: Map<string, ScenarioResult>, name: string, expected: Expected): void {
  const result = results.get(name);
  if (result === undefined) throw new Error(`no scenario named "${name}" ran`);
  const actual: Expected = { rc: result.rc };
  if (expected.words) actual.words = Object.fromEntries(Object.keys(expected.words).map((i) => [i, result.words[Number(i)]!]));
  if (expected.groups) actual.groups = result.groups;
  if (expected.log !== undefined) actual.log = result.log;
  if (expected.raw) actual.raw = result.raw;
  if (expected.counters) actual.counters = Object.fromEntries(Object.keys(expected.counters).map((c) => [c, result.counters[c] ?? 0]));
  expect(actual, name).toEqual(expected);
}

/**
 * The expected results of peer_option_scenarios.h's UC_PEER_OPTION_SCENARIOS(prefix, ...), given what
 * the op answers normally and the OS's errno numbers.
 */
export function peerOptionCases(prefix: string, normal: Expected, errno: Readonly<Record<string, number>>): [string, Expected][] {
  const cases: [string, Expected][] = [
    ['normal', normal],
    ['short answer', { rc: UC.BAD_LENGTH! }],
    ['TCP, an int IP option', { rc: UC.NOT_UNIX! }],
    ['TCP, no IP options', { rc: UC.NOT_UNIX! }],
    ['TCP, unknown option', { rc: UC.NOT_UNIX! }],
    ['TCP, EOPNOTSUPP', { rc: UC.NOT_UNIX! }],
    ['datagram or socketpair (EINVAL)', { rc: UC.NO_PEER! }],
    ['unconnected (ENOTCONN)', { rc: UC.NO_PEER! }],
    ['kernel without the option', { rc: UC.UNSUPPORTED! }],
    ['bad descriptor', { rc: -errno.EBADF! }],
    ['not a socket', { rc: -errno.ENOTSOCK! }],
    ['not a socket, verified handle', { rc: -errno.ENOTSOCK! }],
  ];
  return cases.map(([name, expected]) => [`${prefix}: ${name}`, expected]);
}

/** What an op must answer in each state of model_scenarios.h's UC_MODEL_SCENARIOS (connected client: as connected). */
export interface ModelExpectations {
  connected: Expected;
  connectedClient?: Expected;
  listening: Expected;
  unconnected: Expected;
  datagram: Expected;
  socketpair: Expected;
  peerClosed: Expected;
  tcp: Expected;
}

/** The expected results of UC_MODEL_SCENARIOS(prefix, ...). */
export function modelCases(prefix: string, e: ModelExpectations): [string, Expected][] {
  const cases: [string, Expected][] = [
    ['connected', e.connected],
    ['connected client', e.connectedClient ?? e.connected],
    ['listening', e.listening],
    ['unconnected', e.unconnected],
    ['datagram', e.datagram],
    ['socketpair', e.socketpair],
    ['peer closed', e.peerClosed],
    ['TCP', e.tcp],
  ];
  return cases.map(([name, expected]) => [`${prefix}: ${name}`, expected]);
}

/** The expected results of xucred_scenarios.h's UC_XUCRED_SCENARIOS(op); `pid` is what words[0] holds normally. */
export function xucredCases(pid: number, errno: Readonly<Record<string, number>>): [string, Expected][] {
  const sixteen = Array.from({ length: 16 }, (_, i) => 100 + i);
  return [
    ...peerOptionCases('xucred', { rc: 12, words: { 0: pid, 1: 1001, 2: 1002 }, groups: [1002, 0, 5] }, errno),
    ['xucred: 16 groups', { rc: 64, words: { 1: 1001, 2: 100 }, groups: sixteen }],
    ['xucred: cr_ngroups over the array, clamped', { rc: 64, groups: [100, ...new Array<number>(14).fill(0), 115] }],
    ['xucred: negative cr_ngroups', { rc: UC.BAD_LENGTH! }],
    ['xucred: no groups, so no egid', { rc: UC.BAD_LENGTH! }],
    ['xucred: unknown cr_version', { rc: UC.BAD_VERSION! }],
  ];
}

/** The 4.4BSD errno numbers the OS files meet (FreeBSD, DragonFly, NetBSD, OpenBSD; macOS differs in EOPNOTSUPP). */
export const bsdErrno: Readonly<Record<string, number>> = {
  EBADF: 9,
  ENOMEM: 12,
  EINVAL: 22,
  ENOTSOCK: 38,
  ENOPROTOOPT: 42,
  EOPNOTSUPP: 45,
  ENOTCONN: 57,
  EAGAIN: 35,
  EWOULDBLOCK: 35,
  EINTR: 4,
  ECONNRESET: 54,
};

/** macOS's numbers: the 4.4BSD ones but EOPNOTSUPP (102 with __DARWIN_UNIX03, the default). */
export const darwinErrno: Readonly<Record<string, number>> = { ...bsdErrno, EOPNOTSUPP: 102 };

/** illumos's numbers (sys/errno.h): not the BSDs'. Every name is known to the type (the tests read errno.EBADF). */
export const illumosErrno = {
  EBADF: 9,
  ENOMEM: 12,
  EINVAL: 22,
  ENOTSUP: 48,
  ENOTSOCK: 95,
  ENOPROTOOPT: 99,
  EOPNOTSUPP: 122,
  ENOTCONN: 134,
  EAGAIN: 11,
  EWOULDBLOCK: 11,
  EINTR: 4,
  ECONNRESET: 131,
} as const;
