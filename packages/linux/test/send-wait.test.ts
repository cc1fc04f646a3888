// What a send that has to wait for room passes once it goes out: the descriptors the caller gave, never the
// files that took their numbers while it waited (the caller closed one: numbers are reused at once). The
// socket itself is held across the wait (include/unix_cred/async.h); so must the descriptors it sends be.
import { once } from 'node:events';
import { closeSync, mkdtempSync, readSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passing } from '@unix-cred/linux';
import { drainRaw, fdTable, fillSendBuffer, readNow, unlinkedFile } from './fixtures/socketpair.js';

const { receiveFd, sendFd } = passing;
// Bun's Node-API has no libuv loop: a send that must wait is refused there at once.
const BUN = 'bun' in process.versions;

let dir: string;
let server: net.Server;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'unix-cred-send-wait-'));
  server = net.createServer({ pauseOnConnect: true }).listen(join(dir, 's.sock'));
  await once(server, 'listening');
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A descriptor of an unlinked file holding `text`. */
const fileWith = (text: string): number => unlinkedFile(dir, text);

/** Opens files holding `text` until one gets the number `fd` (lowest free first); closes the others. */
function fileAt(fd: number, text: string): number {
  const others: number[] = [];
  let opened = fileWith(text);
  while (opened !== fd && others.length < 1000) {
    others.push(opened);
    opened = fileWith(text);
  }
  others.forEach((other) => closeSync(other));
  expect(opened, 'a new file took the closed number').toBe(fd);
  return opened;
}

function contents(fd: number): string {
  const buffer = Buffer.alloc(100);
  return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString();
}

describe.skipIf(BUN)('a send that waits for room', () => {
  // Before the fix, passing.ts held a duplicate of the socket only and wrote the numbers the caller gave into
  // the sendmsg after the wait: the peer received 'unrelated'.
  it('sends the file the caller gave, or nothing, never the one that took its number while it waited', { timeout: 20_000 }, async () => {
    const client = new net.Socket().pause();
    const accepting = once(server, 'connection') as Promise<[net.Socket]>;
    client.connect(join(dir, 's.sock'));
    const [[accepted]] = await Promise.all([accepting, once(client, 'connect')]);
    const before = fdTable();
    const opened: number[] = [];
    try {
      const filled = fillSendBuffer(client);

      const given = fileWith('given');
      const sending = sendFd(client, given).then(
        () => 'sent',
        (error: { code?: string }) => error.code,
      );
      await new Promise((resolve) => setTimeout(resolve, 30));
      // The caller closes its descriptor while the send waits, and an unrelated file gets the number.
      closeSync(given);
      opened.push(fileAt(given, 'unrelated'));

      await drainRaw(accepted, filled);
      const outcome = await sending;
      if (outcome === 'sent') {
        const received = await receiveFd(accepted);
        opened.push(received);
        expect(contents(received), 'what the receiver got: the file the caller gave, not the one that took its number').toBe('given');
      } else {
        expect(readNow(accepted), `the send failed (${outcome}): nothing may have gone out`).toBe(0);
      }
      opened.splice(0).forEach((fd) => closeSync(fd));
      expect(fdTable(), 'open descriptors, and what each names').toEqual(before);
    } finally {
      opened.forEach((fd) => closeSync(fd));
      accepted.destroy();
      client.destroy();
    }
  });
});
