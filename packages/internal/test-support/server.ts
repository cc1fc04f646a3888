/** A listening socket for tests whose peers run as other users. */
import { once } from 'node:events';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface OpenServer {
  server: net.Server;
  path: string;
  /** Closes the server and removes its directory. */
  close(): void;
}

/** A net.Server on a socket in a new temporary directory, both open to every user. */
export async function openServer(prefix: string): Promise<OpenServer> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  const path = join(dir, 's.sock');
  const server = net.createServer().listen(path);
  await once(server, 'listening');
  chmodSync(path, 0o777);
  return {
    server,
    path,
    close() {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Calls `use` with a connection a net.Server accepted, paused (nothing read from it), and its client; `prepare`
 * sees the listening server first. Closes all of them, and removes the socket's directory, afterwards.
 */
export async function withConnection(use: (accepted: net.Socket, client: net.Socket) => Promise<void> | void, prepare?: (server: net.Server) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'unix-cred-connection-'));
  const path = join(dir, 's.sock');
  const server = net.createServer({ pauseOnConnect: true }).listen(path);
  let client: net.Socket | undefined;
  try {
    await once(server, 'listening');
    prepare?.(server);
    const accepting = once(server, 'connection');
    client = net.connect(path);
    await once(client, 'connect');
    const [accepted] = (await accepting) as [net.Socket];
    try {
      await use(accepted, client);
    } finally {
      accepted.destroy();
    }
  } finally {
    client?.destroy();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
