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

/** The passing functions of a platform package. */
interface PassingFunctions {
  enableCredentialPassing(target: never): void;
  sendCredentials(socket: number): Promise<void>;
  receiveCredentials(socket: number): Promise<unknown>;
  sendFds(socket: number, fds: number[]): Promise<void>;
  receiveFds(socket: number): Promise<unknown>;
  sendFd(socket: number, fd: number): Promise<void>;
  receiveFd(socket: number): Promise<unknown>;
}

/** Calls each passing function on descriptor 0 and returns the code and message of each failure, or 'no error'. */
export async function passingOnAnotherOs(p: PassingFunctions): Promise<string[]> {
  const calls: (() => unknown)[] = [
    () => p.enableCredentialPassing(0 as never),
    () => p.sendCredentials(0),
    () => p.receiveCredentials(0),
    () => p.sendFds(0, [1]),
    () => p.receiveFds(0),
    () => p.sendFd(0, 1),
    () => p.receiveFd(0),
  ];
  return Promise.all(
    calls.map(async (call) => {
      try {
        await call();
        return 'no error';
      } catch (error) {
        return `${(error as { code?: string }).code}: ${(error as Error).message}`;
      }
    }),
  );
}
