// The ABI probes (scripts/abi-probe.js, packages/{bsd,darwin,solaris}/probe): each OS's expected values agree
// with the stand-in headers the logic tests compile against, with the real headers here (this machine's Linux ones;
// zig's for Linux x86_64 and aarch64, glibc and musl, and its macOS SDK for both Mac CPUs), with
// the ucred_t offsets solaris.c spells out and with docs/platforms.md; a wrong value is reported; and
// every macro of those headers that the native files use is in the expected file.
// On each real OS, vm-images/guest.sh runs the same script against the system's headers before the suite.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { bsdErrno, darwinErrno, illumosErrno } from '../test-support/c-driver.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
// Each case compiles one or two probes: seconds on a loaded machine, not the default 5.
vi.setConfig({ testTimeout: 60_000 });

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function abiProbe(args: string[]): Run {
  const { status, stdout, stderr } = spawnSync(process.execPath, [join(root, 'scripts', 'abi-probe.js'), ...args], { encoding: 'utf8' });
  return { status, stdout, stderr };
}

/** The stand-ins leave errno to the logic tests, which number it with these tables: the probe gets the same. */
const errnoDefines = (errno: Readonly<Record<string, number>>): string[] => Object.entries(errno).map(([name, value]) => `-D${name}=${value}`);

/** Each stand-in build the logic tests make: its name, the OS, its errno numbers and the release where they build several. */
const standinBuilds: [string, string, string[]][] = [
  ['FreeBSD 15', 'freebsd', [...errnoDefines(bsdErrno), '-D__FreeBSD__=15']],
  ['FreeBSD 14', 'freebsd', [...errnoDefines(bsdErrno), '-D__FreeBSD__=14']],
  ['FreeBSD 12', 'freebsd', [...errnoDefines(bsdErrno), '-D__FreeBSD__=12']],
  ['DragonFly', 'dragonfly', errnoDefines(bsdErrno)],
  ['NetBSD', 'netbsd', errnoDefines(bsdErrno)],
  ['OpenBSD', 'openbsd', errnoDefines(bsdErrno)],
  ['macOS', 'darwin', errnoDefines(darwinErrno)],
  ['illumos', 'illumos', errnoDefines(illumosErrno)],
];

describe('the stand-in headers of the logic tests agree with the expected values', () => {
  it.each(standinBuilds)('%s', (_, os, defines) => {
    const run = abiProbe([os, '--headers=standin', ...defines]);
    // The probe's own message (its table of disagreements) is the failure message.
    expect(`${run.stdout}${run.stderr}`).toMatch(/: all \d+ values agree with /);
    expect(run.status).toBe(0);
  });
});

/** Real headers reachable here: this machine's (Linux), and zig's for the Linux and macOS targets it ships. */
const realBuilds: [string, string, string[]][] = [
  ["this machine's Linux headers", 'linux', []],
  ...['x86_64-linux-gnu', 'aarch64-linux-gnu', 'x86_64-linux-musl', 'aarch64-linux-musl', 'x86_64-macos', 'aarch64-macos'].map(
    (target): [string, string, string[]] => [`zig ${target} headers`, target.endsWith('macos') ? 'darwin' : 'linux', [`--target=${target}`]],
  ),
];

describe('real headers agree with the expected values (zig: compiled to an object, the values read back)', () => {
  it.each(realBuilds)('%s', (_, os, args) => {
    const run = abiProbe([os, ...args]);
    expect(`${run.stdout}${run.stderr}`).toMatch(new RegExp(`^ABI probe ${os} \\(.*\\): all \\d+ values agree`));
    expect(run.status).toBe(0);
  });
});

describe('a disagreement fails with a readable table', () => {
  const work = mkdtempSync(join(tmpdir(), 'unix-cred-abi-probes-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const wrongDarwin = join(work, 'darwin.expected');
  writeFileSync(
    wrongDarwin,
    readFileSync(join(root, 'packages', 'darwin', 'probe', 'darwin.expected'), 'utf8')
      .replace(/^sizeof\(struct xucred\) = 76$/m, 'sizeof(struct xucred) = 88')
      .replace(/^LOCAL_PEERPID = 2$/m, '')
      .concat('LOCAL_PEERGROUPS = 7\n'),
  );
  it.each([
    ['stand-in headers', ['--headers=standin', ...errnoDefines(darwinErrno)]],
    ['zig x86_64-macos headers', ['--target=x86_64-macos']],
  ])('%s', (headers, args) => {
    const run = abiProbe(['darwin', ...args, `--expected=${wrongDarwin}`]);
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`ABI probe darwin (${headers}): 3 of 52 values disagree with ${wrongDarwin}`);
    expect(lines.slice(1).map((line) => line.replace(/ +/g, ' '))).toEqual([
      ` name expected ${headers}`,
      ' LOCAL_PEERPID (not in the expected file) 2',
      ' sizeof(struct xucred) 88 76',
      ' LOCAL_PEERGROUPS 7 (not probed)',
    ]);
  });

  it('a value the headers lack fails unless the expected file allows "or absent"', () => {
    const wrongFreebsd = join(work, 'freebsd.expected');
    writeFileSync(
      wrongFreebsd,
      readFileSync(join(root, 'packages', 'bsd', 'probe', 'freebsd.expected'), 'utf8').replace(/^SCM_CREDS2 = 8 or absent$/m, 'SCM_CREDS2 = 8'),
    );
    const at = (release: number) => abiProbe(['freebsd', '--headers=standin', ...errnoDefines(bsdErrno), `-D__FreeBSD__=${release}`, `--expected=${wrongFreebsd}`]);
    expect(at(14).status).toBe(0);
    const old = at(12);
    expect(old.status).toBe(1);
    expect(old.stdout).toMatch(/^ {2}SCM_CREDS2 +8 +absent$/m);
  });

  it('an unknown OS or a probe that does not build exits 2 with the reason', () => {
    expect(abiProbe(['hurd'])).toMatchObject({ status: 2, stderr: expect.stringContaining('no ABI probe for "hurd"') });
    // This machine's compiler makes Linux programs: the system headers here are not FreeBSD's.
    expect(abiProbe(['freebsd'])).toMatchObject({ status: 2, stderr: expect.stringContaining('does not compile for freebsd (it does not define __FreeBSD__)') });
    // The stand-ins leave errno undefined: without the tests' numbers the probe cannot compile.
    const run = abiProbe(['netbsd', '--headers=standin']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/EBADF.? undeclared/);
  });
});

/** Each expected value of an OS, by name: a number, or null for "absent" (stand-ins of the default release). */
function expectedValues(os: string): Map<string, number | null> {
  const errno = os === 'darwin' ? darwinErrno : os === 'illumos' ? illumosErrno : bsdErrno;
  const run = abiProbe([os, '--headers=standin', '--json', ...errnoDefines(errno)]);
  const { rows } = JSON.parse(run.stdout) as { rows: { name: string; expected: string }[] };
  return new Map(rows.map(({ name, expected }) => [name, /^absent$/.test(expected) ? null : Number(expected.replace(/ or absent$/, ''))]));
}

describe('what else states these values agrees with the expected files', () => {
  const expected = Object.fromEntries(['freebsd', 'dragonfly', 'netbsd', 'openbsd', 'darwin', 'illumos'].map((os) => [os, expectedValues(os)]));
  const value = (os: string, name: string) => {
    const found = expected[os]!.get(name);
    if (found === undefined) throw new Error(`${os}.expected has no ${name}`);
    return found;
  };

  it("solaris.c's ucred_t offsets", () => {
    const sourceDir = join(root, 'packages', 'solaris', 'src');
    const source = readdirSync(sourceDir)
      .filter((file) => file.endsWith('.c'))
      .map((file) => readFileSync(join(sourceDir, file), 'utf8'))
      .join('\n');
    const offset = (name: string): number => {
      const match = new RegExp(`\\b${name} = (\\d+) \\* (\\d+)`).exec(source);
      if (match === null) throw new Error(`no ${name} in packages/solaris/src`);
      return Number(match[1]) * Number(match[2]);
    };
    expect({
      UCRED_HEADER: offset('UCRED_HEADER'),
      UCRED_CREDOFF: offset('UCRED_CREDOFF'),
      PRCRED_NGROUPS: offset('PRCRED_NGROUPS'),
      PRCRED_GROUPS: offset('PRCRED_GROUPS'),
    }).toEqual({
      UCRED_HEADER: value('illumos', 'sizeof(struct ucred_s)'),
      UCRED_CREDOFF: value('illumos', 'offsetof(struct ucred_s, uc_credoff)'),
      PRCRED_NGROUPS: value('illumos', 'offsetof(prcred_t, pr_ngroups)'),
      PRCRED_GROUPS: value('illumos', 'offsetof(prcred_t, pr_groups)'),
    });
  });

  // Each number docs/platforms.md gives, found by the text around it, and the expected value it states.
  const platforms = readFileSync(join(root, 'docs', 'platforms.md'), 'utf8');
  // The number stated, as the expected file gives it: by default itself.
  const groupBytes = (count: number) => count * 4;
  // Aligned to n bytes, CMSG_SPACE(1) is the 12-byte struct cmsghdr and one byte, each rounded up to n.
  const cmsgSpace = (n: number) => Math.ceil(12 / n) * n + n;
  const statements: [string, RegExp, string, string, ((stated: number) => number)?][] = [
    ['FreeBSD xucred size', /`struct xucred`, (\d+) bytes on amd64/, 'freebsd', 'sizeof(struct xucred)'],
    ['FreeBSD LOCAL_PEERCRED', /\| FreeBSD \| `getsockopt\(LOCAL_PEERCRED\)` \((\d+)\)/, 'freebsd', 'LOCAL_PEERCRED'],
    ['FreeBSD xucred groups', /`cr_groups\[(\d+)\]`/, 'freebsd', 'sizeof(struct xucred).cr_groups', groupBytes],
    ['OpenBSD SO_PEERCRED', /`getsockopt\(SO_PEERCRED\)` \((0x[0-9a-f]+)\)/, 'openbsd', 'SO_PEERCRED'],
    ['NetBSD LOCAL_PEEREID', /`getsockopt\(LOCAL_PEEREID\)` \((\d+)\)/, 'netbsd', 'LOCAL_PEEREID'],
    ['macOS LOCAL_PEERCRED', /\| macOS \| `getsockopt\(LOCAL_PEERCRED\)` \((\d+)\)/, 'darwin', 'LOCAL_PEERCRED'],
    ['macOS LOCAL_PEERPID', /`LOCAL_PEERPID` \((\d+)\)/, 'darwin', 'LOCAL_PEERPID'],
    ['macOS LOCAL_PEEREPID', /`LOCAL_PEEREPID` \((\d+)\)/, 'darwin', 'LOCAL_PEEREPID'],
    ['macOS LOCAL_PEERUUID', /`LOCAL_PEERUUID` \((\d+)\)/, 'darwin', 'LOCAL_PEERUUID'],
    ['macOS LOCAL_PEEREUUID', /`LOCAL_PEEREUUID` \((\d+)\)/, 'darwin', 'LOCAL_PEEREUUID'],
    ['macOS LOCAL_PEERTOKEN', /`LOCAL_PEERTOKEN` \((\d+)\)/, 'darwin', 'LOCAL_PEERTOKEN'],
    ['macOS SOL_LOCAL', /`SOL_LOCAL` \((\d+)\)/, 'darwin', 'SOL_LOCAL'],
    ['macOS xucred size', /`struct xucred` without a pid, (\d+) bytes/, 'darwin', 'sizeof(struct xucred)'],
    ['FreeBSD cmsgcred size', /a zeroed `struct cmsgcred` \((\d+) bytes\)/, 'freebsd', 'sizeof(struct cmsgcred)'],
    ['FreeBSD CMGROUP_MAX', /`CMGROUP_MAX` \((\d+)\)/, 'freebsd', 'CMGROUP_MAX'],
    ['FreeBSD SOCKCREDSIZE head', /`SOCKCREDSIZE\(n\)` is (\d+) \+ 4n bytes/, 'freebsd', 'offsetof(struct sockcred, sc_groups)'],
    ['FreeBSD LOCAL_CONNWAIT', /`LOCAL_CONNWAIT` \((\d+)\) is gone/, 'freebsd', 'LOCAL_CONNWAIT'],
    ['illumos SCM_RIGHTS', /`SCM_RIGHTS` (0x[0-9a-f]+), `MSG_CTRUNC`/, 'illumos', 'SCM_RIGHTS'],
    ['illumos MSG_CTRUNC', /`MSG_CTRUNC` (0x[0-9a-f]+), CMSG alignment/, 'illumos', 'MSG_CTRUNC'],
    ['illumos CMSG alignment', /CMSG alignment (\d+) bytes on amd64/, 'illumos', 'CMSG_SPACE(1)', cmsgSpace],
  ];

  it.each(statements)('docs/platforms.md: %s', (_, pattern, os, name, toValue = (stated) => stated) => {
    const match = pattern.exec(platforms);
    if (match === null) throw new Error(`docs/platforms.md no longer says ${pattern}`);
    expect(toValue(Number(match[1]))).toBe(value(os, name));
  });
});

/** The upper-case words of a package's C and of the shared unix_cred headers, comments left out. */
function namesUsedBy(packageName: string): Set<string> {
  const dirs = [join(root, 'packages', packageName, 'src'), join(root, 'packages', 'internal', 'include', 'unix_cred')];
  const text = dirs
    .flatMap((dir) => readdirSync(dir).filter((file) => /\.(c|h)$/.test(file)).map((file) => readFileSync(join(dir, file), 'utf8')))
    .join('\n')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');
  return new Set(text.match(/\b[A-Z][A-Z0-9_]*\b/g));
}

const packageOf: Readonly<Record<string, string>> = { linux: 'linux', freebsd: 'bsd', dragonfly: 'bsd', netbsd: 'bsd', openbsd: 'bsd', darwin: 'darwin', illumos: 'solaris' };

// Every object-like macro the headers define and the native files use is a value they take from the OS: it must be
// in the expected file. The project's own (UC_*, UNIX_CRED_*) and NULL are not.
describe('every macro the native files use from the headers is in the expected file', () => {
  const builds: [string, string, string[]][] = [
    ...standinBuilds.map(([name, os, defines]): [string, string, string[]] => [`${name} stand-ins`, os, ['--headers=standin', ...defines]]),
    ...realBuilds,
  ];
  it.each(builds)('%s', (_, os, args) => {
    const defined = abiProbe([os, ...args, '--macros']);
    expect(defined.status, defined.stderr).toBe(0);
    const used = namesUsedBy(packageOf[os]!);
    const names = defined.stdout.split('\n').filter((name) => used.has(name) && !/^(UC_|UNIX_CRED_|NULL$)/.test(name));
    const expected = new Set(readFileSync(join(root, 'packages', packageOf[os]!, 'probe', `${os}.expected`), 'utf8').match(/^\w+(?= =)/gm));
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((name) => !expected.has(name))).toEqual([]);
  });
});

// The recipes of the OSes that cannot run here (vm-images/README.md): each reaches guest.sh, which runs the probe
// against the OS's own headers before it installs anything, so a disagreement stops the run before the suite.
describe('every recipe of another OS runs its probe first', () => {
  const read = (path: string) => readFileSync(join(root, path), 'utf8');
  const commands = (script: string) => script.split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));

  it('guest.sh probes before it installs', () => {
    const lines = commands(read('vm-images/guest.sh'));
    const probe = lines.findIndex((line) => /^node scripts\/abi-probe\.js\b/.test(line.trim()));
    const install = lines.findIndex((line) => /\bpnpm\b.*\binstall\b/.test(line));
    expect(probe, 'a line "node scripts/abi-probe.js"').toBeGreaterThanOrEqual(0);
    expect(install, 'the line of pnpm install comes after the probe').toBeGreaterThan(probe);
    // set -e: the probe's exit status ends the script.
    expect(lines.slice(0, probe).some((line) => /^set -\w*e/.test(line.trim())), 'set -e before the probe').toBe(true);
  });

  it('each Vagrantfile, the Mac script and each non-Linux job of the workflow reach guest.sh', () => {
    const vagrantfiles = readdirSync(join(root, 'vm-images'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && readdirSync(join(root, 'vm-images', entry.name)).includes('Vagrantfile'))
      .map((entry) => entry.name);
    expect(vagrantfiles.length).toBeGreaterThanOrEqual(4);
    for (const os of vagrantfiles) expect(read(`vm-images/${os}/Vagrantfile`), os).toMatch(/require_relative '\.\.\/vagrant'/);
    expect(read('vm-images/vagrant.rb')).toMatch(/provision\.sh && sh \/unix-cred\/vm-images\/guest\.sh/);
    expect(commands(read('vm-images/macos/run.sh'))).toContain('exec sh vm-images/guest.sh');
    const workflow = read('.github/workflows/conformance.yml');
    const jobs = workflow.slice(workflow.search(/^jobs:/m)).split(/^ {2}(?=[\w-]+:\s*$)/m).slice(1);
    const other = jobs.filter((job) => !job.startsWith('linux:'));
    expect(other.map((job) => job.slice(0, job.indexOf(':')))).toEqual(expect.arrayContaining(['macos', 'freebsd', 'openbsd', 'netbsd', 'dragonfly', 'omnios']));
    for (const job of other) expect(job, job.slice(0, job.indexOf(':'))).toMatch(/sh vm-images\/(guest|macos\/run)\.sh/);
  });
});
