/**
 * A platform package's `platform` against its row of the capability matrix: on its own OS, what the calls do
 * must be what the row says (pid, groups, saved and file-system ids, process handle, credential messages), and
 * what the kernel does must be what the row's kernel facts say; elsewhere, the row is the package's and every
 * call throws ERR_UNIX_CRED_UNSUPPORTED.
 */
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CapabilityRow, Platform } from '../src/index.js';
import { failuresOnAnotherOs } from './other-os.js';
import { withConnection } from './server.js';

// The system's Python (a version manager's shim on PATH costs a second a start).
const PYTHON = ['/usr/bin/python3', '/usr/local/bin/python3'].find((path) => existsSync(path)) ?? 'python3';

/** What listen() on a descriptor answers, asked by Python's socket module (the descriptor is its fd 3): 'listening' or the errno's name. */
function listenAnswer(fd: number): string {
  const script = `
import errno, socket
s = socket.socket(fileno=3)
try:
    s.listen()
    print('listening')
except OSError as e:
    print(errno.errorcode[e.errno])
s.detach()`;
  const result = spawnSync(PYTHON, ['-c', script], { stdio: ['ignore', 'pipe', 'inherit', fd], encoding: 'utf8' });
  expect(result.status).toBe(0);
  return result.stdout.trim();
}

export function describeCapabilities(platform: Platform, row: CapabilityRow, servesThisOs: boolean): void {
  describe(`${row.package}: platform against the capability matrix (${row.os})`, () => {
    it('capabilities is its row', () => {
      expect(platform.capabilities).toBe(row);
    });

    it.skipIf(servesThisOs)('off its OS, every call of platform throws ERR_UNIX_CRED_UNSUPPORTED', async () => {
      const calls = [platform.peerCredentials, platform.peerPidUidGid, platform.peerUidGid, platform.peerProcess, platform.passing.enableCredentialPassing];
      for (const failure of await failuresOnAnotherOs(calls)) expect(failure).toMatch(/^ERR_UNIX_CRED_UNSUPPORTED: /);
      expect(() => platform.processCredentials()).toThrow(expect.objectContaining({ code: 'ERR_UNIX_CRED_UNSUPPORTED' }));
    });

    it.runIf(servesThisOs)('getProcessCredentials has the saved and file-system ids the row says', () => {
      const cred = platform.processCredentials();
      for (const id of [cred.suid, cred.sgid]) expect(id === null).toBe(row.savedIds === null);
      for (const id of [cred.fsuid, cred.fsgid]) expect(id === null).toBe(!row.fsIds);
    });

    it.runIf(servesThisOs)('a peer in this process: pid, groups, process handle and credential messages as the row says', () =>
      withConnection(
        async (socket, client) => {
          const cred = platform.peerCredentials(socket);
          expect(cred.pid).toBe(row.pid.reported ? process.pid : null);
          expect(platform.peerPidUidGid(socket)).toEqual({ pid: cred.pid, uid: cred.uid, gid: cred.gid });
          expect(platform.peerUidGid(socket)).toEqual({ uid: process.geteuid!(), gid: process.getegid!() });
          if (!row.groups.reported) expect(cred.groups).toBeNull();
          else {
            expect(Array.isArray(cred.groups)).toBe(true);
            if (row.groups.order === 'egid first') expect(cred.groups![0]).toBe(process.getegid!());
            if (row.groups.limit !== null) expect(cred.groups!.length).toBeLessThanOrEqual(row.groups.limit);
          }
          if (row.processHandle === null) expect(() => platform.peerProcess(socket)).toThrow(expect.objectContaining({ code: 'ERR_UNIX_CRED_UNSUPPORTED' }));
          await platform.passing.sendCredentials(client);
          expect((await platform.passing.receiveCredentials(socket)).source).toBe(row.credentialMessages.source);
        },
        (server) => platform.passing.enableCredentialPassing(server),
      ),
    );

    // The first peer query of a net.Server's connection skips SO_ACCEPTCONN on the strength of this (internal/src/peer.ts).
    it.runIf(servesThisOs && row.acceptedSocketNeverListens)('an accepted socket refuses listen(): connected, after its peer closed, after shutdown()', () =>
      withConnection(async (socket, client) => {
        const fd = (socket as unknown as { _handle: { fd: number } })._handle.fd;
        const answers = [listenAnswer(fd)];
        client.destroy();
        await once(client, 'close');
        answers.push(listenAnswer(fd));
        socket.end();
        await once(socket, 'finish');
        answers.push(listenAnswer(fd));
        expect(answers).toEqual(['EINVAL', 'EINVAL', 'EINVAL']);
      }),
    );
  });
}
