// The umbrella's passing functions over this OS's package: a handshake, descriptors both ways, and the
// descriptor count before and after. The platform packages test each OS's details.
import { once } from 'node:events';
import { closeSync, fstatSync, mkdtempSync, openSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { enableCredentialPassing, receiveCredentials, receiveFd, receiveFds, sendCredentials, sendFd, sendFds } from 'unix-cred';

const openFds = (): number => readdirSync('/proc/self/fd').length;

// Bun has no libuv loop to wait on (the Linux package tests that it says so): Node only.
describe.runIf(process.platform === 'linux' && !('bun' in process.versions))('passing through unix-cred', () => {
  it('credentials and descriptors, leaving no descriptor open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unix-cred-umbrella-'));
    const before = openFds();
    const server = net.createServer({ pauseOnConnect: true }).listen(join(dir, 's.sock'));
    enableCredentialPassing(server);
    const client = new net.Socket().pause().connect(join(dir, 's.sock'));
    const [[accepted]] = (await Promise.all([once(server, 'connection'), once(client, 'connect')])) as [[net.Socket], unknown];

    const [received] = await Promise.all([receiveCredentials(accepted), sendCredentials(client)]);
    expect(received).toEqual({ pid: process.pid, uid: process.geteuid!(), gid: process.getegid!(), groups: null, source: 'message' });

    const file = openSync('/dev/null', 'r');
    await sendFds(client, [file, file], { data: Buffer.from('two') });
    const { fds, data } = await receiveFds(accepted);
    expect(data.toString()).toBe('two');
    expect(fds.map((fd) => fstatSync(fd).rdev)).toEqual([fstatSync(file).rdev, fstatSync(file).rdev]);
    await sendFd(accepted, fds[0]!);
    const back = await receiveFd(client);
    [...fds, back, file].forEach((fd) => closeSync(fd));

    accepted.destroy();
    client.destroy();
    server.close();
    await once(server, 'close');
    expect(openFds()).toBe(before);
    rmSync(dir, { recursive: true, force: true });
  });

  it('an options argument that is no object is ERR_INVALID_ARG_TYPE for every call alike, before the socket is looked at', async () => {
    for (const call of [
      () => receiveCredentials(0, 5 as never),
      () => receiveFds(0, 5 as never),
      () => receiveFd(0, 5 as never),
      () => sendCredentials(0, 5 as never),
      () => sendFd(0, 0, 5 as never),
      () => sendFds(0, [0], 5 as never),
      () => receiveCredentials(0, { signal: { aborted: false } as AbortSignal }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: 'ERR_INVALID_ARG_TYPE' });
    }
  });
});
