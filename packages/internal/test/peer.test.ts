// peerQuery hands the native read CHECK_LISTENING (SO_ACCEPTCONN in the same call) wherever a socket could be
// listening. A net.Server's connection goes without it only where the OS's row says an accepted socket never
// listens: Linux alone (docs/platforms.md section 3, unix_listen in net/unix/af_unix.c). The BSDs and macOS ask no
// SO_ACCEPTCONN at all and the sunos build checks every socket, so their rows must not skip it.
import { expect, it } from 'vitest';
import { capabilities, peerQuery, type NativeConstants, type PlatformName } from '@unix-cred/internal';
import { withConnection } from '../test-support/server.js';

const CHECK_LISTENING = 1;
const names = Object.keys(capabilities) as PlatformName[];

// A fresh connection each: what a handle answered is kept on it, so each query here meets it unanswered.
it.each(names)("%s: CHECK_LISTENING on each first query, but a net.Server's connection's where accepted sockets never listen", (name) =>
  withConnection((accepted, client) => {
    const args: number[] = [];
    const native = { constants: { CHECK_LISTENING } as NativeConstants, capabilities: capabilities[name] };
    const query = peerQuery(native, (fd, arg) => (args.push(arg), fd), (fd) => fd);
    const fd = query(accepted);
    query(accepted); // cached: no read
    query(client);
    query(client);
    query(fd); // a raw descriptor: checked on every call
    query(fd);
    expect(args).toEqual([name === 'linux' ? 0 : CHECK_LISTENING, CHECK_LISTENING, CHECK_LISTENING, CHECK_LISTENING]);
  }),
);
