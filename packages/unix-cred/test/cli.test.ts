// The unix-cred command, end to end: the built dist/cli.js spawned as a user would run it, against
// servers and clients running as other users with supplementary groups (as root).
import { spawn, spawnSync, type ChildProcess, type SpawnSyncOptions } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, existsSync, lstatSync, mkdtempSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forOtherUsers, runtimeForOtherUsers } from '../../internal/test-support/readable-copy.js';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const root = process.geteuid?.() === 0;
const ALICE = { uid: 4101, gid: 4201, groups: [4301, 4302] };
const BOB = { uid: 4102, gid: 4202, groups: [4303] };

function run(args: string[], options: SpawnSyncOptions = {}): { status: number | null; stdout: string; stderr: string } {
  // Run as another user, the command and the runtime come from where that user can read them (the clone may be under /root).
  const asOther = options.uid !== undefined;
  const program = asOther ? forOtherUsers(fileURLToPath(new URL('..', import.meta.url)), 'dist/cli.js') : cli;
  const result = spawnSync(asOther ? runtimeForOtherUsers() : process.execPath, [program, ...args], { encoding: 'utf8', timeout: 10_000, ...options });
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

// A node process that takes a user's ids (as root), then runs `body` with `path` bound.
const AS_USER = `const [path, ids] = [process.argv[1], JSON.parse(process.argv[2])];
process.setgroups(ids.groups); process.setgid(ids.gid); process.setuid(ids.uid);
const net = require('node:net');
`;
const SERVER = `${AS_USER}net.createServer((c) => c.destroy()).listen(path, () => console.log('ready'));`;
const CLIENT = `${AS_USER}const s = net.connect(path); s.on('error', () => {}); s.resume(); s.on('close', () => process.exit(0));`;

function asUser(script: string, path: string, ids: typeof ALICE): ChildProcess {
  return spawn(process.execPath, ['-e', script, path, JSON.stringify(ids)], { stdio: ['ignore', 'pipe', 'inherit'] });
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'unix-cred-cli-'));
  chmodSync(dir, 0o777); // servers running as other users create their sockets here
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Asserts a failure: exit status, and exactly one line on stderr with no stack trace. */
function expectOneLine(result: ReturnType<typeof run>, status: number, line: string | RegExp): void {
  expect(result.stdout).toBe('');
  expect(result.stderr.endsWith('\n') && result.stderr.split('\n').length).toBe(2);
  expect(result.stderr.trimEnd()).toMatch(typeof line === 'string' ? new RegExp(`^${line.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`) : line);
  expect(result.status).toBe(status);
}

describe('help and usage', () => {
  it('--help lists every command; each command has its own help', () => {
    const help = run(['--help']);
    expect(help.status).toBe(0);
    for (const command of ['peer <socket-path>', 'listen <socket-path>', 'self', 'demo', '--json']) expect(help.stdout).toContain(command);
    for (const command of ['peer', 'listen', 'self', 'demo']) {
      for (const args of [[command, '--help'], ['help', command]]) {
        const result = run(args);
        expect(result.status).toBe(0);
        expect(result.stdout).toMatch(new RegExp(`^usage: unix-cred ${command}`));
      }
    }
  }, 60_000); // nine CLI starts: seconds each on a loaded runner under Node 24

  it.each([
    [[], 'no command given'],
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['peer'], 'peer takes one <socket-path>'],
    [['peer', 'a', 'b'], 'peer takes one <socket-path>'],
    [['self', 'x'], 'self takes no arguments'],
    [['self', '--frob'], "Unknown option '--frob'"],
    [['peer', 'a', '--mode', '666'], '--mode is an option of listen'],
    [['listen', 'a', '--mode', 'rw'], "--mode takes octal permissions such as 660 or 666, not 'rw'"],
    [['listen', 'a', '--mode', '1777'], "--mode takes octal permissions such as 660 or 666, not '1777'"],
    [['demo', '--json'], 'demo has no --json'],
  ])('%j is a usage error: one line, exit status 2', (args, message) => {
    expectOneLine(run(args), 2, `unix-cred: ${message} (see unix-cred --help)`);
  });
});

describe('self', () => {
  it('--json prints getProcessCredentials() of the command itself', () => {
    const result = run(['self', '--json']);
    expect(result.status).toBe(0);
    const cred = JSON.parse(result.stdout);
    expect(cred).toMatchObject({ ppid: process.pid, ruid: process.getuid!(), euid: process.geteuid!(), rgid: process.getgid!(), egid: process.getegid!() });
    expect(Object.keys(cred)).toEqual(['pid', 'ppid', 'pgid', 'sid', 'ruid', 'euid', 'suid', 'fsuid', 'rgid', 'egid', 'sgid', 'fsgid', 'groups']);
  });

  it.runIf(root)('as another user: that user\'s ids, in a table by default', () => {
    // spawn() with uid and gid drops the supplementary groups.
    const json = JSON.parse(run(['self', '--json'], { uid: ALICE.uid, gid: ALICE.gid }).stdout);
    expect(json).toMatchObject({ ruid: ALICE.uid, euid: ALICE.uid, rgid: ALICE.gid, egid: ALICE.gid, groups: [] });
    if (process.platform === 'linux') expect(json).toMatchObject({ suid: ALICE.uid, fsuid: ALICE.uid, sgid: ALICE.gid, fsgid: ALICE.gid });
    const table = run(['self'], { uid: ALICE.uid, gid: ALICE.gid });
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^\s+real\s+effective\s+saved\s+file-system$/m);
    expect(table.stdout).toMatch(new RegExp(`^gid\\s+${ALICE.gid}\\s+${ALICE.gid}\\b`, 'm'));
  });
});

// The CLI is a Node program (its bin runs node); Bun's net errors carry other codes and texts.
const onNode = !('bun' in process.versions);

describe.runIf(root && onNode)('peer', () => {
  it('prints the credentials and command line of a server running as another user', async () => {
    const path = join(dir, 'alice.sock');
    const server = asUser(SERVER, path, ALICE);
    try {
      await once(server.stdout!, 'data');
      const json = run(['peer', path, '--json']);
      expect(json.stderr).toBe('');
      expect(JSON.parse(json.stdout)).toEqual({
        pid: server.pid,
        uid: ALICE.uid,
        gid: ALICE.gid,
        groups: ALICE.groups,
        command: process.platform === 'linux' ? [process.execPath, '-e', SERVER, path, JSON.stringify(ALICE)] : null,
      });
      const table = run(['peer', path]);
      expect(table.status).toBe(0);
      const [header, rule, row] = table.stdout.split('\n');
      expect(header).toMatch(/^pid\s+uid\s+gid\s+groups\s+command$/);
      expect(rule).toMatch(/^-+ +-+/);
      expect(row).toMatch(new RegExp(`^${server.pid}\\s+${ALICE.uid}\\s+${ALICE.gid}\\s+4301,4302\\s+${process.execPath} -e `));
    } finally {
      server.kill();
    }
  });
});

describe.runIf(root)('listen', () => {
  /** Starts `unix-cred listen`, resolved once it says it listens; `lines` yields what it prints on stdout. */
  async function listen(path: string, args: string[], nodeArgs: string[] = []) {
    const child = spawn(process.execPath, [...nodeArgs, cli, 'listen', path, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const errors = createInterface({ input: child.stderr! })[Symbol.asyncIterator]();
    expect((await errors.next()).value).toBe(`unix-cred: listening on ${path}; Ctrl-C to stop`);
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    const stop = async (signal: NodeJS.Signals) => {
      child.kill(signal);
      const [code] = await once(child, 'exit');
      return { code: code as number, last: (await errors.next()).value as string };
    };
    return { child, next: async () => (await lines.next()).value as string, stop };
  }

  async function connectAs(path: string, ids: typeof ALICE): Promise<number> {
    const client = asUser(CLIENT, path, ids);
    const [code] = await once(client, 'exit');
    expect(code).toBe(0);
    return client.pid!;
  }

  it('prints one JSON line per client, as each connects, then removes its socket on SIGINT', async () => {
    const path = join(dir, 'listen.sock');
    const listener = await listen(path, ['--json', '--mode', '666']);
    for (const ids of [ALICE, BOB]) {
      const pid = await connectAs(path, ids);
      const command = process.platform === 'linux' ? [process.execPath, '-e', CLIENT, path, JSON.stringify(ids)] : null;
      expect(JSON.parse(await listener.next())).toEqual({ pid, uid: ids.uid, gid: ids.gid, groups: ids.groups, command });
    }
    expect(existsSync(path)).toBe(true);
    expect(await listener.stop('SIGINT')).toEqual({ code: 0, last: `unix-cred: SIGINT: stopped; removed ${path}` });
    expect(existsSync(path)).toBe(false);
  });

  it('prints a table by default; on SIGTERM leaves a file that replaced its socket in place', async () => {
    const path = join(dir, 'replaced.sock');
    const listener = await listen(path, ['--mode', '666']);
    expect(await listener.next()).toMatch(/^pid\s+uid\s+gid\s+groups\s+command$/);
    await listener.next(); // the rule
    const pid = await connectAs(path, BOB);
    expect(await listener.next()).toMatch(new RegExp(`^${pid}\\s+${BOB.uid}\\s+${BOB.gid}\\s+4303\\s+`));
    renameSync(path, `${path}.moved`);
    writeFileSync(path, 'not the socket unix-cred created');
    const { code, last } = await listener.stop('SIGTERM');
    expect(code).toBe(0);
    expect(last).toBe(`unix-cred: SIGTERM: stopped; ${path} is no longer the socket this command created, so it stays`);
    expect(existsSync(path)).toBe(true);
  });

  it('--mode gives the socket its permissions as bind() creates it; a symbolic link swapped in afterwards is never followed', async () => {
    const path = join(dir, 'mode.sock');
    const victim = join(dir, 'victim');
    writeFileSync(victim, 'not to be made world-writable');
    chmodSync(victim, 0o600);
    // The race, forced: whatever the command does to the path after bind(), it finds a link to the victim there.
    const swap = join(dir, 'swap.cjs');
    writeFileSync(
      swap,
      `const fs = require('node:fs'); const { syncBuiltinESMExports } = require('node:module');
      for (const name of ['chmodSync', 'chmod']) { const original = fs[name];
        fs[name] = (path, ...rest) => { fs.renameSync(path, path + '.real'); fs.symlinkSync(${JSON.stringify(victim)}, path); return original(path, ...rest); }; }
      fs.promises.chmod = () => Promise.reject(new Error('chmod by path')); syncBuiltinESMExports();`,
    );
    const listener = await listen(path, ['--mode', '640'], ['--require', swap]);
    expect(lstatSync(path).isSocket()).toBe(true);
    expect(lstatSync(path).mode & 0o777).toBe(0o640);
    expect(statSync(victim).mode & 0o777).toBe(0o600);
    expect((await listener.stop('SIGINT')).code).toBe(0);
  });
});

describe.runIf(onNode)('user errors: one line, exit status 1', () => {
  it('no such path', () => {
    const path = join(dir, 'missing.sock');
    expectOneLine(run(['peer', path]), 1, `unix-cred: no such file or directory: ${path}`);
    expectOneLine(run(['listen', join(dir, 'missing', 's.sock')]), 1, `unix-cred: no such directory: ${join(dir, 'missing')}`);
  });

  it('not a socket', () => {
    const path = join(dir, 'file');
    writeFileSync(path, '');
    expectOneLine(run(['peer', path]), 1, `unix-cred: not a socket: ${path}`);
    expectOneLine(run(['listen', path]), 1, `unix-cred: address in use: ${path} exists and is not a socket`);
    expectOneLine(run(['peer', join(path, 's.sock')]), 1, `unix-cred: not a directory: a component of ${join(path, 's.sock')}`);
  });

  it('a dangling symbolic link where listen would create its socket: named as such, not "another process listens"', () => {
    const path = join(dir, 'dangling.sock');
    symlinkSync(join(dir, 'nowhere'), path);
    expectOneLine(run(['listen', path]), 1, `unix-cred: address in use: ${path} exists and is not a socket (a symbolic link to ${join(dir, 'nowhere')})`);
  });

  it('connection refused, and address in use', async () => {
    const stale = join(dir, 'stale.sock');
    const server = net.createServer().listen(stale);
    await once(server, 'listening');
    const live = join(dir, 'live.sock');
    const liveServer = net.createServer((c) => c.destroy()).listen(live);
    await once(liveServer, 'listening');
    // Closing a server made with a path removes the file: leave a socket nobody listens on by other means.
    renameSync(stale, `${stale}.kept`);
    server.close();
    renameSync(`${stale}.kept`, stale);
    try {
      expectOneLine(run(['peer', stale]), 1, `unix-cred: connection refused: nothing listens on ${stale}`);
      expectOneLine(run(['listen', stale]), 1, `unix-cred: address in use: ${stale} is a socket nobody listens on (remove it if it is stale)`);
      expectOneLine(run(['listen', live]), 1, `unix-cred: address in use: another process listens on ${live}`);
    } finally {
      liveServer.close();
    }
  });

  it('a path too long for a socket', () => {
    const path = join(dir, 'x'.repeat(120));
    expectOneLine(run(['peer', path]), 1, new RegExp(`^unix-cred: path too long for a UNIX-domain socket \\(\\d+ bytes; at most 10[37] on ${process.platform}\\): `));
    expectOneLine(run(['listen', path]), 1, /^unix-cred: path too long for a UNIX-domain socket/);
  });

  it.runIf(root)('permission denied, for another user', async () => {
    const closed = mkdtempSync(join(tmpdir(), 'unix-cred-cli-closed-'));
    const path = join(closed, 'root-only.sock');
    const server = net.createServer((c) => c.destroy()).listen(path);
    await once(server, 'listening');
    chmodSync(path, 0o600);
    try {
      expectOneLine(run(['peer', path], { uid: ALICE.uid, gid: ALICE.gid }), 1, `unix-cred: permission denied: ${path}`);
      expectOneLine(run(['listen', join(closed, 'new.sock')], { uid: ALICE.uid, gid: ALICE.gid }), 1, `unix-cred: permission denied: ${join(closed, 'new.sock')}`);
    } finally {
      server.close();
      rmSync(closed, { recursive: true, force: true });
    }
  });
});

// The commands load the library (and its addon) only once one runs: a binary that does not load is an error of
// that command, with its status and message, never a stack trace. node-gyp-build's variable points it at a
// directory with no binary (the loader then asks node-gyp-build alone).
describe.runIf(process.platform === 'linux')('a command whose native binary does not load', () => {
  function expectLoaderError(args: string[]): void {
    const nowhere = join(dir, 'no-binary-here');
    const result = run(args, { env: { ...process.env, '@UNIX_CRED/LINUX_PREBUILD': nowhere } });
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^unix-cred: @unix-cred\/linux: no native binary loads on linux-/);
    // The code ends the message's last line (node-gyp-build's message ends with a newline of its own).
    expect(result.stderr).toMatch(new RegExp(`\\n {4}loaded from: ${nowhere} \\(ERR_UNIX_CRED_BINARY_NOT_FOUND\\)\\n$`));
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.status).toBe(1);
  }

  it('self and demo: exit status 1, the loader\'s message and code, no stack', () => {
    expectLoaderError(['self']);
    expectLoaderError(['demo']);
  });

  it('peer, on a socket something listens on: the same', async () => {
    const path = join(dir, 'no-binary.sock');
    const server = net.createServer((c) => c.destroy()).listen(path);
    await once(server, 'listening');
    try {
      expectLoaderError(['peer', path]);
    } finally {
      server.close();
    }
  });
});
