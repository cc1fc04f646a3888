import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getProcessCredentials, type ProcessCredentials } from '@unix-cred/linux';

const PYTHON = '/usr/bin/python3';
const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** The kernel's own view of a process: the Uid:/Gid: lines (real, effective, saved, fs), Groups:, and stat's pgrp and session. */
function kernelView(status: string, stat: string): Omit<ProcessCredentials, 'groups'> & { groups: number[] } {
  const field = (name: string) => status.match(new RegExp(`^${name}:(.*)$`, 'm'))![1]!.trim().split(/\s+/).filter(Boolean).map(Number);
  const [ruid, euid, suid, fsuid] = field('Uid') as [number, number, number, number];
  const [rgid, egid, sgid, fsgid] = field('Gid') as [number, number, number, number];
  // stat: "pid (comm) state ppid pgrp session ...", where comm may hold spaces and parentheses.
  const [ppid, pgid, sid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ').slice(1, 4).map(Number) as [number, number, number];
  return { pid: field('Pid')[0]!, ppid, pgid, sid, ruid, euid, suid, fsuid, rgid, egid, sgid, fsgid, groups: field('Groups') };
}

describe('getProcessCredentials', () => {
  it('is what /proc/self/status and /proc/self/stat say of this process', () => {
    const cred = getProcessCredentials();
    expect(cred).toEqual(kernelView(readFileSync('/proc/self/status', 'utf8'), readFileSync('/proc/self/stat', 'utf8')));
    // Node's getgroups() adds the egid when the kernel's list lacks it; the kernel's list does not.
    expect(new Set([...cred.groups, cred.egid])).toEqual(new Set([...process.getgroups!(), cred.egid]));
  });

  // Node has no setresuid and execve(2) resets the saved ids to the effective ones, so: Python sets the
  // real ids and the saved gid, then execs Node as euid 0; Node itself then moves its effective ids,
  // leaving the saved uid at 0. Each of real, effective and saved then differs. 1100 groups: more than
  // the addon's inline buffer holds.
  it.runIf(process.geteuid?.() === 0)('reads distinct real, effective and saved ids and 1100 groups, as the kernel holds them', () => {
    const groups = Array.from({ length: 1100 }, (_, i) => 30000 + i);
    const ids = { ruid: 7101, euid: 7102, rgid: 7201, egid: 7202, sgid: 7203 };
    const node = `
      const { getProcessCredentials } = require('@unix-cred/linux');
      process.setegid(${ids.egid});
      process.seteuid(${ids.euid});
      const fs = require('node:fs');
      console.log(JSON.stringify({ cred: getProcessCredentials(), status: fs.readFileSync('/proc/self/status', 'utf8'),
        stat: fs.readFileSync('/proc/self/stat', 'utf8'), getgroups: process.getgroups() }));`;
    const python = `
import os, sys
os.setgroups(${JSON.stringify(groups)})
os.setresgid(${ids.rgid}, ${ids.sgid}, ${ids.sgid})
os.setresuid(${ids.ruid}, 0, 0)
os.execv(sys.argv[1], [sys.argv[1], '-e', sys.argv[2]])`;
    const result = spawnSync(PYTHON, ['-c', python, process.execPath, node], { cwd: packageDir, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const { cred, status, stat, getgroups } = JSON.parse(result.stdout) as { cred: ProcessCredentials; status: string; stat: string; getgroups: number[] };
    expect(cred).toEqual(kernelView(status, stat));
    expect(cred).toMatchObject({ ...ids, suid: 0, fsuid: ids.euid, fsgid: ids.egid, groups });
    expect(getgroups).toEqual(expect.arrayContaining(groups));
  });
});
