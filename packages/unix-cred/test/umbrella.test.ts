import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getPeerPidUidGid, platform } from 'unix-cred';
import { loadPlatform } from '../src/platform.js';

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));

describe('loading', () => {
  it('works from CommonJS with require()', () => {
    const script = `const u = require('unix-cred'); const net = require('node:net');
      const s = net.createServer((c) => { console.log(JSON.stringify([u.platform, u.getPeerPidUidGid(c), process.pid])); c.destroy(); s.close(); });
      s.listen(process.argv[1], () => net.connect(process.argv[1]).on('error', () => {}));`;
    const dir = mkdtempSync(join(tmpdir(), 'unix-cred-cjs-'));
    try {
      const result = spawnSync(process.execPath, ['-e', script, join(dir, 's.sock')], { cwd: packageDir, encoding: 'utf8' });
      expect(result.stderr).toBe('');
      const [name, cred, pid] = JSON.parse(result.stdout) as [string, { pid: number; uid: number; gid: number }, number];
      expect(name).toBe(process.platform);
      expect(cred).toEqual({ pid, uid: process.geteuid!(), gid: process.getegid!() });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(process.platform !== 'linux')('loads the platform package and its addon at the first call, not at import (the kernel\'s map of the process says which files it mapped)', () => {
    const script = `const mapped = () => require('node:fs').readFileSync('/proc/self/maps', 'utf8').includes('unix_cred_linux');
      import('unix-cred').then((u) => {
        const atImport = mapped();
        const { pid } = u.getProcessCredentials();
        console.log(JSON.stringify([atImport, mapped(), pid === process.pid, u.capabilities !== null]));
      });`;
    const result = spawnSync(process.execPath, ['-e', script], { cwd: packageDir, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([false, true, true, true]);
  });

  it('names the OS when it has no support for it, on every call', () => {
    const none = loadPlatform(undefined);
    for (const call of [none.peerCredentials, none.peerPidUidGid, none.peerUidGid, none.peerProcess, none.passing.enableCredentialPassing]) {
      expect(() => call(0)).toThrow(expect.objectContaining({ code: 'ERR_UNIX_CRED_UNSUPPORTED', message: expect.stringContaining(process.platform) }));
    }
  });

  it('platform is this OS', () => {
    expect(platform).toBe(process.platform);
  });
});

describe.runIf(process.platform === 'linux' && process.geteuid?.() === 0)('pid namespaces', () => {
  it('a peer whose pid namespace cannot see the server gets pid null, not 0, and no process handle', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unix-cred-ns-'));
    const path = join(dir, 's.sock');
    const server = net.createServer().listen(path);
    await once(server, 'listening');
    // The client runs in a new pid namespace: the server's pid does not exist there.
    // getPeerProcess there: an error, never a handle with pid 0 (process.kill(0) signals the caller's own group),
    // and its pidfd closed: the descriptor table is the same, entry by entry.
    const script = `const u = require('unix-cred'); const fs = require('node:fs');
      const table = () => fs.readdirSync('/proc/self/fd').map((fd) => { try { return fd + ' ' + fs.readlinkSync('/proc/self/fd/' + fd); } catch { return fd; } }).join();
      const c = require('node:net').connect(process.argv[1], () => {
        const before = table(); let processCode; try { processCode = 'pid ' + u.getPeerProcess(c).pid; } catch (e) { processCode = e.code; }
        console.log(JSON.stringify({ seen: u.getPeerPidUidGid(c), selfPid: process.pid, processCode, sameTable: table() === before })); c.end(); });`;
    const child = spawn('unshare', ['--pid', '--fork', process.execPath, '-e', script, path], { cwd: packageDir, stdio: ['ignore', 'pipe', 'inherit'] });
    const [accepted] = (await once(server, 'connection')) as [net.Socket];
    // From the parent namespace the same connection has a real pid.
    const fromParent = getPeerPidUidGid(accepted);
    const status = readFileSync(`/proc/${fromParent.pid}/status`, 'utf8');
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    await once(child, 'exit');
    try {
      const { seen, selfPid, processCode, sameTable } = JSON.parse(output) as { seen: { pid: number | null; uid: number }; selfPid: number; processCode: string; sameTable: boolean };
      expect(selfPid).toBe(1); // it really is in its own namespace
      expect(seen).toEqual({ pid: null, uid: process.geteuid!(), gid: process.getegid!() });
      expect({ processCode, sameTable }).toEqual({ processCode: 'ERR_UNIX_CRED_UNSUPPORTED', sameTable: true });
      // The kernel's view of the client: unshare's forked child, pid 1 in its own namespace.
      expect(status).toMatch(new RegExp(`^PPid:\\s+${child.pid}$`, 'm'));
      expect(status).toMatch(new RegExp(`^NSpid:\\s+${fromParent.pid}\\s+1$`, 'm'));
    } finally {
      accepted.destroy();
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
