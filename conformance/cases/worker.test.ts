// Case 5: worker threads load the addon in their own context while the main thread keeps querying.
import { once } from 'node:events';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { getPeerCredentials } from 'unix-cred';
import {
  HAS_PROC,
  acceptPeer,
  expectPeer,
  fdOf,
  fixture,
  listenUnix,
  procTruth,
  selfTruth,
  tempDir,
  useScope,
  type Peer,
  type Truth,
} from '../fixtures/helpers.js';

const scope = useScope();

type Cred = ReturnType<typeof getPeerCredentials>;

function startWorker(workerData: { mode: 'pair' | 'query' | 'spin'; path?: string; fd?: number; rounds?: number }): Worker {
  const worker = new Worker(fixture('worker-peer.mjs'), { workerData });
  scope.defer(() => worker.terminate());
  return worker;
}

/** Until `done` settles, queries the descriptor of a child's connection on the main thread, checking each answer. */
async function queryUntil(done: Promise<unknown>, fd: number, truth: Truth): Promise<number> {
  let finished = false;
  void done.finally(() => (finished = true)).catch(() => {});
  let queries = 0;
  do {
    // A raw descriptor is never cached: each query is a native call, racing the workers'.
    expectPeer(getPeerCredentials(fd), truth);
    queries++;
    await new Promise((resolve) => setImmediate(resolve));
  } while (!finished);
  return queries;
}

/** A child connected to this process, and the truth of it; the main thread keeps querying its descriptor. */
async function mainConnection(): Promise<{ peer: Peer; fd: number; truth: Truth }> {
  const peer = await acceptPeer(scope, await listenUnix(scope, tempDir(scope)));
  return { peer, fd: fdOf(peer.socket), truth: HAS_PROC ? procTruth(peer.pid) : peer.self };
}

describe('worker threads', () => {
  it('a worker gets the credentials of sockets it created while the main thread keeps querying', async () => {
    const { fd, truth } = await mainConnection();
    const worker = startWorker({ mode: 'pair', path: join(tempDir(scope), 'worker.sock'), rounds: 20 });
    const message = once(worker, 'message') as Promise<[{ results: { server: Cred; client: Cred }[] }]>;
    const exit = once(worker, 'exit');
    expect(await queryUntil(message, fd, truth)).toBeGreaterThan(0);
    const [{ results }] = await message;
    expect(results).toHaveLength(20);
    // The worker's sockets connect this process to itself.
    const me = selfTruth();
    for (const { server, client } of results) {
      expectPeer(server, me);
      expectPeer(client, me);
    }
    expect(await exit).toEqual([0]);
    expectPeer(getPeerCredentials(fd), truth);
  });

  it('workers that load the addon, query a main-thread socket and exit leave the main thread working', async () => {
    const { fd, truth } = await mainConnection();
    for (let round = 0; round < 3; round++) {
      const workers = Array.from({ length: 4 }, () => startWorker({ mode: 'query', fd, rounds: 100 }));
      const messages = workers.map((worker) => once(worker, 'message') as Promise<[{ results: Cred[] }]>);
      const exits = Promise.all(workers.map((worker) => once(worker, 'exit')));
      await queryUntil(exits, fd, truth);
      expect(await exits).toEqual(workers.map(() => [0]));
      for (const [{ results }] of await Promise.all(messages)) {
        expect(results).toHaveLength(100);
        for (const cred of results) expectPeer(cred, truth);
      }
      expectPeer(getPeerCredentials(fd), truth);
    }
  });

  it('a worker terminated in the middle of querying leaves the main thread working', async () => {
    const { fd, truth } = await mainConnection();
    for (let round = 0; round < 3; round++) {
      const worker = startWorker({ mode: 'spin', fd });
      const [ready] = (await once(worker, 'message')) as [{ ready: Cred }];
      expectPeer(ready.ready, truth);
      const exit = once(worker, 'exit');
      void worker.terminate();
      await queryUntil(exit, fd, truth);
      expectPeer(getPeerCredentials(fd), truth);
    }
  });
});
