// The example, end to end: the server runs as it would be run, and clients running as other users, some
// members of the group (by a supplementary group, by their primary group) and some not, ask it over HTTP.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const serverJs = fileURLToPath(new URL('../server.js', import.meta.url));
const GROUP = 4301;

// A client: takes the given ids (as root), GETs / over the socket, prints "status body".
const CLIENT = `const [socketPath, ids] = [process.argv[1], JSON.parse(process.argv[2])];
if (ids) { process.setgroups(ids.groups); process.setgid(ids.gid); process.setuid(ids.uid); }
require('node:http').get({ socketPath, path: '/' }, (res) => {
  let body = ''; res.on('data', (chunk) => (body += chunk)).on('end', () => console.log(res.statusCode + ' ' + body.trim()));
});`;

function get(path, ids) {
  const result = spawnSync(process.execPath, ['-e', CLIENT, path, JSON.stringify(ids ?? null)], { encoding: 'utf8', timeout: 10_000 });
  expect(result.stderr).toBe('');
  return result.stdout.trim();
}

let dir;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'unix-cred-example-'));
  chmodSync(dir, 0o755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function startServer(path, group, gid = group) {
  const server = spawn(process.execPath, [serverJs, path, String(group)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await once(createInterface({ input: server.stdout }), 'line');
  expect(line).toBe(`listening on ${path} for the members of group ${gid}`);
  return server;
}

async function stop(server) {
  server.kill('SIGTERM');
  const [code] = await once(server, 'exit');
  expect(code).toBe(0);
}

// Bun's node:http hands requests a socket with no descriptor, so no peer can be asked: Node only.
const onNode = !('bun' in process.versions);

describe.runIf(onNode && process.geteuid?.() === 0)('group-http-server, with clients running as other users', () => {
  it('answers 200 to the members of the group and 403 to everyone else', async () => {
    const path = join(dir, 'members.sock');
    const server = await startServer(path, GROUP);
    try {
      expect(get(path, { uid: 4101, gid: 4201, groups: [4302, GROUP] })).toMatch(/^200 hello uid 4101 \(pid \d+\), member of group 4301$/);
      expect(get(path, { uid: 4103, gid: GROUP, groups: [] })).toMatch(/^200 hello uid 4103 /);
      expect(get(path, { uid: 4102, gid: 4202, groups: [4303] })).toBe('403 forbidden: uid 4102 is not a member of group 4301');
      expect(get(path, { uid: 4104, gid: 4302, groups: [4302, 4303] })).toBe('403 forbidden: uid 4104 is not a member of group 4301');
      // root is no member either: the policy is membership, not privilege.
      expect(get(path, null)).toBe('403 forbidden: uid 0 is not a member of group 4301');
    } finally {
      await stop(server);
    }
    expect(existsSync(path)).toBe(false);
  });
});

describe.runIf(onNode)('group-http-server, with this process as the client', () => {
  it('answers 200 for a group this process is in, 403 for one it is not in', async () => {
    const path = join(dir, 'self.sock');
    let server = await startServer(path, process.getegid());
    try {
      expect(get(path)).toMatch(new RegExp(`^200 hello uid ${process.geteuid()} `));
    } finally {
      await stop(server);
    }
    const other = 4999;
    server = await startServer(path, other);
    try {
      expect(get(path)).toBe(`403 forbidden: uid ${process.geteuid()} is not a member of group ${other}`);
    } finally {
      await stop(server);
    }
  });

  it('takes a group by name, from /etc/group', async () => {
    const path = join(dir, 'named.sock');
    await stop(await startServer(path, 'root', 0));
    const result = spawnSync(process.execPath, [serverJs, path, 'no-such-group-here'], { encoding: 'utf8' });
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 2, stderr: 'no group named no-such-group-here in /etc/group\n' });
  });
});
