import { readFileSync } from 'node:fs';
import { getPeerProcess, platform } from './index.js';
import type { PeerProcess, SocketLike } from './types.js';

/** A peer's command line (argv), or why it is not shown. */
export type CommandLine = { argv: string[] } | { reason: string };

/**
 * The command line of a socket's peer, where the OS shows it: /proc/<pid>/cmdline on Linux. A pidfd of
 * the peer (Linux 6.5+) that is still alive after the read proves the pid was not reused in between.
 */
export function peerCommandLine(socket: SocketLike, pid: number | null): CommandLine {
  if (platform !== 'linux') return { reason: `not shown on ${platform}` };
  if (pid === null) return { reason: 'pid not visible from this pid namespace' };
  let handle: PeerProcess | null = null;
  try {
    handle = getPeerProcess(socket);
  } catch (error) {
    // Before Linux 6.5 there is no pidfd: the read is made without the check.
    if ((error as { code?: string }).code !== 'ERR_UNIX_CRED_UNSUPPORTED') return { reason: `unknown (${codeOf(error)})` };
  }
  try {
    const raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    // A zombie's cmdline is empty.
    if ((handle !== null && !handle.isAlive()) || raw === '') return { reason: 'the process has exited' };
    return { argv: raw.replace(/\0$/, '').split('\0') };
  } catch (error) {
    return { reason: codeOf(error) === 'ENOENT' ? 'the process has exited' : `unreadable (${codeOf(error)})` };
  } finally {
    handle?.close();
  }
}

function codeOf(error: unknown): string {
  return (error as { code?: string }).code ?? String(error);
}
