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
