// Where a passing round trip's time goes beyond the C loop (bench/RESULTS.md, issue 17): in one process, on
// the same connection, in interleaved rounds, the same round trip made four ways, each a layer more:
//   1. the C loop of the bench's floor (bench/c, built by `node bench/run.js`, --smoke will do);
//   2. the library's own native ops (the addon of @unix-cred/linux) called from JavaScript, synchronously;
//   3. the same ops in two awaited async functions, without one argument or socket check: a bare promise API;
//   4. the library: sendFds + receiveFds (1 fd, closed with fs.closeSync), sendCredentials + receiveCredentials.
// Usage: node bench/passing-floors.js [--smoke] (Linux). Prints each way's median and its ratio to the loop;
// --smoke (pnpm test) runs it briefly to prove it works, and measures nothing.
import { once } from 'node:events';
import { closeSync, existsSync, openSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { receiveCredentials, receiveFds, sendCredentials, sendFds } from 'unix-cred';
import { median, pairedRatio, sample, timeAsync, timeCalls } from './lib/measure.js';
import { markdownTable, ns, times } from './lib/report.js';

const require = createRequire(import.meta.url);
const bin = join(fileURLToPath(new URL('.', import.meta.url)), 'out', 'bin');
if (!existsSync(join(bin, 'passfds1.node'))) throw new Error(`no C floor in ${bin}: run node bench/run.js --smoke first`);
const floors = { fds: require(join(bin, 'passfds1.node')), credentials: require(join(bin, 'passcred.node')) };
// The library's addon and the layout of its shared buffer (include/unix_cred/os.h, passing.h): result words, then
// the inline bytes, where a send takes its descriptors and then its data (words[0]: the data's length). A passing
// op's arg is the descriptor count (most to receive) shifted left by one, its low bit PASS_CHECK (0 here: no check).
const addon = require(join(dirname(require.resolve('@unix-cred/linux/package.json')), 'build', 'Release', 'unix_cred_linux.node'));
const { WORDS, PASS_MAX_SEND_FDS } = addon.constants;
const words = new Uint32Array(addon.buffer, 0, WORDS);
const input = new Uint8Array(addon.buffer, WORDS * 4);
const inlineFds = new Int32Array(addon.buffer, WORDS * 4, 1);

const path = join(tmpdir(), `unix-cred-passing-floors-${process.pid}.sock`);
rmSync(path, { force: true });
const server = net.createServer({ pauseOnConnect: true }).listen(path);
await once(server, 'listening');
/** A connected pair of net.Sockets: the client sends, the paused accepted end receives (as bench/run.js). */
async function pair() {
  const accepting = once(server, 'connection');
  const sender = net.connect(path);
  await once(sender, 'connect');
  const [receiver] = await accepting;
  return { sender, receiver, fd: sender._handle.fd, peer: receiver._handle.fd };
}
const fdPair = await pair();
const credentialPair = await pair();
const file = openSync('/dev/null', 'r');
const oneFd = [file];

function check(rc, what) {
  if (typeof rc === 'number' && rc < 0) throw new Error(`${what}: ${rc}`);
  return rc;
}
function sendFdSync() {
  inlineFds[0] = file;
  input[4] = 0;
  words[0] = 1;
  check(addon.passSendFds(fdPair.fd, 1 << 1), 'passSendFds');
}
function receiveFdSync() {
  words[0] = 1;
  check(addon.passReceiveFds(fdPair.peer, PASS_MAX_SEND_FDS << 1), 'passReceiveFds');
  return [inlineFds[0]];
}
const sendCredentialsSync = () => check(addon.passSendCredentials(credentialPair.fd, 0), 'passSendCredentials');
function receiveCredentialsSync() {
  check(addon.passReceiveCredentials(credentialPair.peer, 0), 'passReceiveCredentials');
  return { pid: words[1], uid: words[2], gid: words[3] };
}

const ways = {
  fds: {
    'C loop': (n) => floors.fds.run(fdPair.fd, fdPair.peer, n),
    'native ops, synchronous': (n) =>
      timeCalls(() => {
        sendFdSync();
        closeSync(receiveFdSync()[0]);
      }, n),
    'native ops in async functions': (n) =>
      timeAsync(async () => {
        await (async () => sendFdSync())();
        closeSync((await (async () => receiveFdSync())())[0]);
      }, n),
    library: (n) =>
      timeAsync(async () => {
        await sendFds(fdPair.sender, oneFd);
        closeSync((await receiveFds(fdPair.receiver)).fds[0]);
      }, n),
  },
  credentials: {
    'C loop': (n) => floors.credentials.run(credentialPair.fd, credentialPair.peer, n),
    'native ops, synchronous': (n) =>
      timeCalls(() => {
        sendCredentialsSync();
        receiveCredentialsSync();
      }, n),
    'native ops in async functions': (n) =>
      timeAsync(async () => {
        await (async () => sendCredentialsSync())();
        await (async () => receiveCredentialsSync())();
      }, n),
    library: (n) =>
      timeAsync(async () => {
        await sendCredentials(credentialPair.sender);
        await receiveCredentials(credentialPair.receiver);
      }, n),
  },
};

const measurements = {};
const units = [];
for (const [trip, byWay] of Object.entries(ways)) {
  units.push(Object.keys(byWay).map((way) => `${trip}: ${way}`));
  for (const [way, run] of Object.entries(byWay)) measurements[`${trip}: ${way}`] = { run };
}
const smoke = process.argv.includes('--smoke');
const sampled = await sample(measurements, units, smoke ? { rounds: 1, roundNs: 2e6, calibrationNs: 1e6, startN: 10 } : { rounds: 9, roundNs: 150e6, calibrationNs: 30e6, startN: 1000 });
const lines = [['round trip', 'way', 'median', 'ratio to the C loop']];
for (const unit of sampled) {
  const loop = unit.names[0];
  for (const name of unit.names) {
    const [trip, way] = name.split(': ');
    lines.push([trip, way, ns(median(unit.samples[name])), times(name === loop ? 1 : pairedRatio(unit, name, loop))]);
  }
}
console.log(markdownTable(lines, [false, false, true, true]));
closeSync(file);
for (const socket of [fdPair.sender, fdPair.receiver, credentialPair.sender, credentialPair.receiver]) socket.destroy();
server.close();
