import { once } from 'node:events';
import { lstatSync, readlinkSync, statSync, type Stats } from 'node:fs';
import net from 'node:net';
import { dirname } from 'node:path';
import { capabilities, platformName } from '@unix-cred/internal';
import { getPeerCredentials, getProcessCredentials, platform } from './index.js';
import { peerCommandLine, type CommandLine } from './command-line.js';
import { formatGroups, formatTable, streamingTable } from './table.js';
import type { PeerCredentials } from './types.js';

/** An error of the user's making (a path, a permission): the CLI prints its message alone, as one line. */
export class UserError extends Error {}

const PEER_HEADER = ['pid', 'uid', 'gid', 'groups', 'command'];

function peerRecord(socket: net.Socket): { cred: PeerCredentials; command: CommandLine } {
  const cred = getPeerCredentials(socket);
  return { cred, command: peerCommandLine(socket, cred.pid) };
}

function peerJson({ cred, command }: ReturnType<typeof peerRecord>): string {
  return JSON.stringify({ ...cred, command: 'argv' in command ? command.argv : null });
}

function peerRow({ cred, command }: ReturnType<typeof peerRecord>): string[] {
  const shown = 'argv' in command ? command.argv.join(' ') : `(${command.reason})`;
  return [String(cred.pid ?? '-'), String(cred.uid), String(cred.gid), formatGroups(cred.groups), shown];
}

/** A file's stats (of a symbolic link itself with lstatSync), or the code of the error the call gave. */
function lookup(path: string, stat: (path: string) => Stats = statSync): Stats | string {
  try {
    return stat(path);
  } catch (error) {
    return (error as { code?: string }).code ?? 'EIO';
  }
}

/** Whether a connect to `path` is refused (a socket file nobody listens on). */
async function refused(path: string): Promise<boolean> {
  const probe = net.connect(path);
  try {
    await once(probe, 'connect');
    return false;
  } catch (error) {
    return (error as { code?: string }).code === 'ECONNREFUSED';
  } finally {
    probe.destroy();
  }
}

/** The one line that explains a failed connect or listen on `path`, as a UserError; other errors as they are. */
async function explain(error: unknown, path: string): Promise<Error> {
  const code = (error as { code?: string }).code;
  // connect() follows a symbolic link; bind() does not, and finds the link itself in the way, dangling or not.
  const found = lookup(path, code === 'EADDRINUSE' ? lstatSync : statSync);
  const notSocket = typeof found !== 'string' && !found.isSocket();
  switch (code) {
    case 'ENOENT':
      return new UserError(`no such file or directory: ${path}`);
    case 'EACCES':
    case 'EPERM':
      // libuv reports a bind in a missing directory as EACCES.
      if (lookup(dirname(path)) === 'ENOENT') return new UserError(`no such directory: ${dirname(path)}`);
      return new UserError(`permission denied: ${path}`);
    case 'ENOTDIR':
      return new UserError(`not a directory: a component of ${path}`);
    case 'ECONNREFUSED':
      // Linux refuses a connect to a file that is not a socket: tell the two apart.
      if (notSocket) return new UserError(`not a socket: ${path}`);
      return new UserError(`connection refused: nothing listens on ${path}`);
    case 'EADDRINUSE':
      if (typeof found !== 'string' && found.isSymbolicLink()) {
        return new UserError(`address in use: ${path} exists and is not a socket (a symbolic link to ${readlinkSync(path)})`);
      }
      if (notSocket) return new UserError(`address in use: ${path} exists and is not a socket`);
      if (await refused(path)) return new UserError(`address in use: ${path} is a socket nobody listens on (remove it if it is stale)`);
      return new UserError(`address in use: another process listens on ${path}`);
    default:
      return error as Error;
  }
}

// sun_path's size, less its NUL: libuv 1.46 cuts a longer path short instead of refusing it.
const os = platformName();
const MAX_PATH_BYTES = (os === undefined ? 104 : capabilities[os].socketPathSize) - 1;

function checkLength(path: string): void {
  const bytes = Buffer.byteLength(path);
  if (bytes > MAX_PATH_BYTES) throw new UserError(`path too long for a UNIX-domain socket (${bytes} bytes; at most ${MAX_PATH_BYTES} on ${platform}): ${path}`);
}

/** `unix-cred peer <path>`: connects and prints the server's credentials (as of its listen()). */
export async function runPeer(path: string, json: boolean): Promise<void> {
  checkLength(path);
  const socket = net.connect(path);
  try {
    await once(socket, 'connect');
  } catch (error) {
    throw await explain(error, path);
  }
  try {
    const record = peerRecord(socket);
    console.log(json ? peerJson(record) : formatTable(PEER_HEADER, [peerRow(record)]));
  } finally {
    socket.destroy();
  }
}

/**
 * `unix-cred listen <path>`: creates a socket, prints each client's credentials (as of its connect()) and
 * closes the connection, until SIGINT or SIGTERM; then removes the socket file, if it is still the one it created.
 */
export async function runListen(path: string, json: boolean, mode: number | undefined): Promise<void> {
  checkLength(path);
  // Caught from before the socket exists: a signal's default action would leave the file behind.
  const stopped = new Promise<string>((resolve) => {
    for (const name of ['SIGINT', 'SIGTERM'] as const) process.once(name, () => resolve(name));
  });
  const server = net.createServer();
  // The socket file takes its permissions from the umask at bind(), which listen() makes before it returns: a
  // chmod of the path afterwards would follow a symbolic link swapped in meanwhile.
  const umask = mode === undefined ? undefined : process.umask(0o777 & ~mode);
  try {
    server.listen(path);
  } finally {
    if (umask !== undefined) process.umask(umask);
  }
  try {
    await once(server, 'listening');
  } catch (error) {
    throw await explain(error, path);
  }
  const created = lstatSync(path);
  const table = streamingTable(PEER_HEADER, [7, 6, 6, 16]);
  const clients = new Set<net.Socket>();
  server.on('connection', (socket) => {
    clients.add(socket);
    socket.on('close', () => clients.delete(socket)).on('error', () => {});
    try {
      const record = peerRecord(socket);
      console.log(json ? peerJson(record) : table.row(peerRow(record)));
    } catch (error) {
      console.error(`unix-cred: a client: ${(error as Error).message}`);
    }
    socket.resume().end();
  });
  server.on('error', (error) => console.error(`unix-cred: ${error.message}`));
  console.error(`unix-cred: listening on ${path}; Ctrl-C to stop`);
  if (!json) console.log(table.head);

  const signal = await stopped;
  for (const client of clients) client.destroy();
  const now = lstatSync(path, { throwIfNoEntry: false });
  if (now !== undefined && (now.dev !== created.dev || now.ino !== created.ino)) {
    // libuv unlinks the path when it closes the server, whatever file is there now: exit without closing.
    console.error(`unix-cred: ${signal}: stopped; ${path} is no longer the socket this command created, so it stays`);
    process.exit(0);
  }
  await new Promise((resolve) => server.close(resolve));
  console.error(`unix-cred: ${signal}: stopped; removed ${path}`);
}

/** `unix-cred self`: this process's ids (getProcessCredentials). */
export function runSelf(json: boolean): void {
  const cred = getProcessCredentials();
  if (json) {
    console.log(JSON.stringify(cred));
    return;
  }
  const id = (value: number | null) => (value === null ? 'n/a' : String(value));
  console.log(`pid ${cred.pid}  ppid ${cred.ppid}  pgid ${cred.pgid}  sid ${cred.sid}\n`);
  console.log(
    formatTable(
      ['', 'real', 'effective', 'saved', 'file-system'],
      [
        ['uid', id(cred.ruid), id(cred.euid), id(cred.suid), id(cred.fsuid)],
        ['gid', id(cred.rgid), id(cred.egid), id(cred.sgid), id(cred.fsgid)],
      ],
    ),
  );
  console.log(`\ngroups  ${formatGroups(cred.groups)}`);
  if ([cred.suid, cred.fsuid, cred.sgid, cred.fsgid].includes(null)) console.log(`\nn/a: ${platform} has no call that reports it`);
}
