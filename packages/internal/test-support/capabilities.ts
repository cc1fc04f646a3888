/**
 * A platform package's `platform` against its row of the capability matrix: on its own OS, what the calls do
 * must be what the row says (pid, groups, saved and file-system ids, process handle, credential messages);
 * elsewhere, the row is the package's and every call throws ERR_UNIX_CRED_UNSUPPORTED.
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Capabilities, Platform } from '../src/index.js';
import { failuresOnAnotherOs } from './other-os.js';

export function describeCapabilities(platform: Platform, row: Capabilities, servesThisOs: boolean): void {
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

    it.runIf(servesThisOs)('a peer in this process: pid, groups, process handle and credential messages as the row says', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'unix-cred-capabilities-'));
      const path = join(dir, 's.sock');
      const server = net.createServer({ pauseOnConnect: true }).listen(path);
      await once(server, 'listening');
      platform.passing.enableCredentialPassing(server);
      const accepted = once(server, 'connection');
      const client = net.connect(path);
      try {
        await once(client, 'connect');
        const [socket] = (await accepted) as [net.Socket];
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
        socket.destroy();
      } finally {
        client.destroy();
        server.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
