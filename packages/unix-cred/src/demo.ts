import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { getPeerCredentials, platform } from './index.js';
import type { PeerCredentials } from './types.js';
import { formatGroups, formatTable } from './table.js';

/** What a peer says of itself; the demo prints it beside what the kernel said of that peer. */
interface SelfReport {
  pid: number;
  uid: number;
  gid: number;
  groups: number[];
}

// A peer process: optionally drops to other ids (root only), connects, reports its own view, waits.
const PEER_SCRIPT = `
const [path, uid, gid, groups] = process.argv.slice(1);
if (uid) { process.setgroups(groups.split(',').map(Number)); process.setgid(Number(gid)); process.setuid(Number(uid)); }
const socket = require('node:net').connect(path, () => socket.write(JSON.stringify({ pid: process.pid, uid: process.geteuid(), gid: process.getegid(), groups: process.getgroups() }) + '\\n'));
socket.on('data', () => {}).on('end', () => socket.end());
`;

const DEMO_USER = { uid: 4321, gid: 4322, groups: [4401, 4402, 4403] };

function row(name: string, cred: PeerCredentials, self: SelfReport): string[] {
  // getgroups() may add the egid to what the kernel holds; compare the lists without it.
  const sameGroups = (a: readonly number[]) => new Set(a.filter((g) => g !== self.gid)).size;
  const groupsAgree =
    cred.groups === null || (cred.groups.every((g) => self.groups.includes(g)) && sameGroups(cred.groups) === sameGroups(self.groups));
  const agrees = cred.uid === self.uid && cred.gid === self.gid && (cred.pid === null || cred.pid === self.pid) && groupsAgree;
  return [name, String(cred.pid ?? 'null'), String(cred.uid), String(cred.gid), formatGroups(cred.groups), `pid ${self.pid} uid ${self.uid} gid ${self.gid}`, agrees ? 'yes' : 'NO'];
}

async function acceptPeer(server: net.Server, path: string, ids?: typeof DEMO_USER): Promise<{ cred: PeerCredentials; self: SelfReport; end: () => void }> {
  const args = ['-e', PEER_SCRIPT, path, ...(ids ? [String(ids.uid), String(ids.gid), ids.groups.join(',')] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  const [socket] = (await once(server, 'connection')) as [net.Socket];
  const cred = getPeerCredentials(socket);
  const [line] = (await once(socket, 'data')) as [Buffer];
  return { cred, self: JSON.parse(line.toString()) as SelfReport, end: () => { socket.end(); child.unref(); } };
}

/** Prints, as a table, the credentials of real peers of a UNIX-domain socket. */
export async function runDemo(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'unix-cred-demo-'));
  chmodSync(dir, 0o755); // the peer running as another user must reach the socket
  const path = join(dir, 'demo.sock');
  const server = net.createServer();
  server.listen(path);
  await once(server, 'listening');
  chmodSync(path, 0o777);
  const rows: string[][] = [];
  const ends: (() => void)[] = [];
  try {
    const client = net.connect(path);
    const [accepted] = (await once(server, 'connection')) as [net.Socket];
    // Also on a throw (no native binary, say): an open pair would keep the process alive.
    ends.push(() => {
      client.destroy();
      accepted.destroy();
    });
    const me: SelfReport = { pid: process.pid, uid: process.geteuid!(), gid: process.getegid!(), groups: process.getgroups!() };
    rows.push(row('this process, seen by its server', getPeerCredentials(accepted), me));
    rows.push(row('this server, seen by its client', getPeerCredentials(client), me));

    const child = await acceptPeer(server, path);
    ends.push(child.end);
    rows.push(row('a child process', child.cred, child.self));
    if (process.geteuid!() === 0) {
      const other = await acceptPeer(server, path, DEMO_USER);
      ends.push(other.end);
      rows.push(row(`a child as uid ${DEMO_USER.uid} gid ${DEMO_USER.gid}`, other.cred, other.self));
    }
  } finally {
    for (const end of ends) end();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`unix-cred demo on ${platform}: what the kernel says of each peer, beside what the peer says of itself\n`);
  console.log(formatTable(['peer', 'pid', 'uid', 'gid', 'groups (kernel)', 'the peer itself says', 'agree'], rows));
  if (process.geteuid!() !== 0) console.log('\n(run as root to also see a peer running as another user with supplementary groups)');
}
