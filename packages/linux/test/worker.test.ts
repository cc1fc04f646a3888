// @unix-cred/linux loaded in worker threads (each loads the addon into its own environment with
// process.dlopen): a worker queries a connection the main thread accepted, by its descriptor number, and
// answers what the peer, another user, says of itself. The peer connects (a socketpair would answer with
// whoever created the pair: the kernel records the creator's ids at socketpair(), not the holder's).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getUcred } from '@unix-cred/linux';
import { runtimeForOtherUsers } from '../../internal/test-support/readable-copy.js';

const linuxPackage = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const PEER_IDS = { uid: 6103, gid: 6204 };

// Connects, says its own pid, uid and gid (as it sees them), and stays until the server ends the connection.
const PEER = `const socket = (await import('node:net')).connect(process.argv[1], () =>
  socket.write(JSON.stringify({ pid: process.pid, uid: process.getuid(), gid: process.getgid() }) + '\\n'));
socket.resume();`;

// Loads the package in this worker's own environment and queries the descriptor it is given.
const QUERY = `const { parentPort, workerData } = require('node:worker_threads');
import(workerData.linux).then(({ getUcred }) => parentPort.postMessage(getUcred(workerData.fd)));`;

let dir: string;
let server: net.Server;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'unix-cred-worker-'));
  chmodSync(dir, 0o755);
  server = net.createServer({ pauseOnConnect: true }).listen(join(dir, 's.sock'));
  await once(server, 'listening');
  chmodSync(join(dir, 's.sock'), 0o777);
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A peer running as another user, connected to the server: the accepted socket and what the peer says of itself. */
async function otherUserPeer(): Promise<{ accepted: net.Socket; self: { pid: number; uid: number; gid: number }; child: ReturnType<typeof spawn> }> {
  const accepting = once(server, 'connection') as Promise<[net.Socket]>;
  const child = spawn(runtimeForOtherUsers(), ['--input-type=module', '-e', PEER, join(dir, 's.sock')], { ...PEER_IDS, stdio: 'inherit' });
  const [accepted] = await accepting;
  accepted.setEncoding('utf8').resume();
  const [line] = (await once(accepted, 'data')) as [string];
  return { accepted, self: JSON.parse(line), child };
}

async function queryInWorker(fd: number): Promise<unknown> {
  const worker = new Worker(QUERY, { eval: true, workerData: { linux: linuxPackage, fd } });
  const exit = once(worker, 'exit');
  const [answer] = await Promise.race([once(worker, 'message'), once(worker, 'error').then(([error]) => Promise.reject(error))]);
  expect(await exit).toEqual([0]);
  return answer;
}

describe('@unix-cred/linux in worker threads', () => {
  it("a worker's getUcred on a main-thread descriptor of another user's connection: the peer's own pid, uid and gid", { timeout: 20_000 }, async () => {
    const { accepted, self, child } = await otherUserPeer();
    try {
      expect(self).toEqual({ pid: child.pid, ...PEER_IDS });
      const fd = (accepted as unknown as { _handle: { fd: number } })._handle.fd;
      // Workers one after the other: each loads the addon into a new environment after the last one's is gone.
      for (let round = 0; round < 3; round++) expect(await queryInWorker(fd)).toEqual(self);
      expect(getUcred(accepted)).toEqual(self);
    } finally {
      accepted.destroy();
      await once(child, 'close');
    }
  });
});
