import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getProcessCredentials } from 'unix-cred';
import { loadPlatform } from '../src/platform.js';

describe('getProcessCredentials', () => {
  it('describes this process', () => {
    const cred = getProcessCredentials();
    expect(cred).toMatchObject({ pid: process.pid, ppid: process.ppid, ruid: process.getuid!(), euid: process.geteuid!(), rgid: process.getgid!(), egid: process.getegid!() });
    expect(cred).not.toBe(getProcessCredentials());
  });

  it.runIf(process.platform === 'linux')('on Linux, every id is known: the Uid: and Gid: lines of /proc/self/status', () => {
    const { ruid, euid, suid, fsuid, rgid, egid, sgid, fsgid } = getProcessCredentials();
    const status = readFileSync('/proc/self/status', 'utf8');
    expect(status).toMatch(new RegExp(`^Uid:\\s+${ruid}\\s+${euid}\\s+${suid}\\s+${fsuid}$`, 'm'));
    expect(status).toMatch(new RegExp(`^Gid:\\s+${rgid}\\s+${egid}\\s+${sgid}\\s+${fsgid}$`, 'm'));
  });

  it('names the OS when it has no support for it', () => {
    expect(() => loadPlatform(undefined).processCredentials()).toThrow(expect.objectContaining({ code: 'ERR_UNIX_CRED_UNSUPPORTED', message: expect.stringContaining(process.platform) }));
  });
});
