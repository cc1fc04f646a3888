/** The promise every platform package makes off its OS: importing works, every call throws ERR_UNIX_CRED_UNSUPPORTED. */
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Call = (socket: never) => unknown;

/**
 * Calls each function with a raw descriptor, an `{ fd }` object and a connected net.Socket (twice: a
 * failure is never cached) and returns the code and message of each failure, or 'no error'.
 */
export async function failuresOnAnotherOs(calls: Call[]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'unix-cred-other-os-'));
  const server = net.createServer().listen(join(dir, 's.sock'));
  await once(server, 'listening');
  const client = net.connect(join(dir, 's.sock'));
  await once(client, 'connect');
  try {
    return calls.flatMap((call) =>
      [0, { fd: 0 }, client, client].map((socket) => {
        try {
          call(socket as never);
          return 'no error';
        } catch (error) {
          return `${(error as { code?: string }).code}: ${(error as Error).message}`;
        }
      }),
    );
  } finally {
    client.destroy();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
