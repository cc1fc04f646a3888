#!/usr/bin/env node
// An HTTP server on a UNIX-domain socket that answers only the members of one group, and every other
// client 403. Who connected is the kernel's word, not anything the client sends: checkPeer reads the
// peer's credentials of each request's socket (once per connection: unix-cred caches them per socket).
//
// usage: node server.js <socket-path> <group name or gid>
import { chmodSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { checkPeer } from 'unix-cred';

/** A group's gid: a number as it is, a name from /etc/group (groups from NSS modules such as LDAP are not looked up). */
function gidOf(group) {
  if (/^\d+$/.test(group)) return Number(group);
  const entry = readFileSync('/etc/group', 'utf8').split('\n').map((line) => line.split(':')).find(([name]) => name === group);
  return entry === undefined ? undefined : Number(entry[2]);
}

const [path, group] = process.argv.slice(2);
const gid = group === undefined ? undefined : gidOf(group);
if (path === undefined || gid === undefined) {
  console.error(group === undefined ? 'usage: node server.js <socket-path> <group name or gid>' : `no group named ${group} in /etc/group`);
  process.exit(2);
}

const server = http.createServer((req, res) => {
  let peer;
  try {
    // A member: the peer's effective gid or one of its supplementary groups is the group.
    peer = checkPeer(req.socket, { groups: [gid] });
  } catch (error) {
    const rejected = error.code === 'ERR_UNIX_CRED_PEER_REJECTED';
    res.writeHead(rejected ? 403 : 500, { 'content-type': 'text/plain' });
    res.end(rejected ? `forbidden: uid ${error.credentials.uid} is not a member of group ${gid}\n` : 'internal error\n');
    if (!rejected) console.error(error);
    return;
  }
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end(`hello uid ${peer.uid} (pid ${peer.pid}), member of group ${gid}\n`);
});

server.listen(path, () => {
  // Every user may connect: the group check, not the file's permissions, is what refuses them.
  chmodSync(path, 0o666);
  console.log(`listening on ${path} for the members of group ${gid}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => server.close());
