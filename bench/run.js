// pnpm bench: every public unix-cred operation against the same system calls in a C loop (in this Node
// process, and as a program of its own) and against Python's stdlib; accepting connections with and without
// checkPeer; the cold import; a soak. Prints the figures and which targets are met, and writes
// bench/out/results.json and results.md. Usage: node bench/run.js [--smoke] [--only=KEY,...]. Never fails
// on a figure: --smoke (pnpm test) runs everything briefly to prove it works, and measures nothing. --only runs
// a subset (on a shared machine a full run is long and its load spreads): the keys of ROW_KEYS, accept,
// import (cold import and the CLI's start) and soak.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { availableParallelism, loadavg, release, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { checkPeer, getPeerCredentials, getPeerPidUidGid, getPeerProcess, receiveCredentials, receiveFds, sendCredentials, sendFds } from 'unix-cred';
import { child, median, pairedRatio, sample, startEnvironment, timeAsync, timeCalls } from './lib/measure.js';
import { markdownTable, megabytes, ns, perSecond, times } from './lib/report.js';

const require = createRequire(import.meta.url);
const smoke = process.argv.includes('--smoke');
const ROW_KEYS = ['raw', 'credentials', 'process', 'cached', 'first', 'passcred', 'passfds1', 'passfds253'];
const KEYS = [...ROW_KEYS, 'accept', 'import', 'soak'];
const onlyArg = process.argv.find((arg) => arg.startsWith('--only='));
const only = onlyArg === undefined ? null : onlyArg.slice('--only='.length).split(',').filter(Boolean);
const unknownKeys = only?.filter((key) => !KEYS.includes(key)) ?? [];
if (unknownKeys.length > 0 || only?.length === 0) {
  console.error(`--only takes a list of: ${KEYS.join(', ')} (got ${onlyArg})`);
  process.exit(2);
}
const wanted = (key) => only === null || only.includes(key);
const ROUNDS = smoke ? 1 : 7;
const FIRST_CALL_MAX = smoke ? 20 : 5000; // new connections per round for the first-call measurement
const ACCEPTS = smoke ? 200 : 10_000; // connections per round of the accept measurement
const IMPORTS = smoke ? 3 : 21; // node processes started per cold-import figure
const SOAK = smoke ? { calls: 10_000, roundTrips: 1_000 } : { calls: 1_000_000, roundTrips: 100_000 };
const here = fileURLToPath(new URL('.', import.meta.url));
const out = join(here, 'out');
const PYTHON = '/usr/bin/python3';
const stdlib = join(here, 'py', 'stdlib.py');

// --- connected sockets -------------------------------------------------------------------------
const path = join(tmpdir(), `unix-cred-bench-${process.pid}.sock`);
rmSync(path, { force: true });
const accepted = [];
let acceptedWaiter = null;
const server = net.createServer({ pauseOnConnect: true }, (socket) => {
  accepted.push(socket);
  acceptedWaiter?.();
});
server.listen({ path, backlog: 1024 });
await once(server, 'listening');

/** count new connections: their client and accepted (server-side, paused) net.Sockets. */
async function connections(count) {
  const clients = await Promise.all(
    Array.from({ length: count }, () => new Promise((resolve, reject) => net.connect(path, function () { resolve(this); }).once('error', reject))),
  );
  while (accepted.length < count) await new Promise((resolve) => (acceptedWaiter = resolve));
  return { clients, servers: accepted.splice(0) };
}

async function destroy(sockets) {
  await Promise.all(sockets.map((socket) => (socket.destroy(), socket.closed ? null : once(socket, 'close'))));
}

/** A connection whose client sends and whose paused accepted end receives. */
async function pair() {
  const { clients, servers } = await connections(1);
  return { sender: clients[0], receiver: servers[0], fd: clients[0]._handle.fd, peer: servers[0]._handle.fd };
}

const { servers: [peer] } = await connections(1);
const rawFd = peer._handle.fd;
// Credentials get a connection of their own: the SO_PASSCRED their receive leaves on would add a
// credential message to every descriptor message.
const credentials = await pair();
const descriptors = await pair();

// Each row: the library's measurement and the C program (`c`) whose loop in this process is the floor.
// `fds`: the figures are per descriptor, of `fds` a message. Targets: `max` times the floor's time, or
// `minThroughput` times its throughput.
const allRows = [
  { operation: 'getPeerPidUidGid(raw fd)', js: 'js raw', c: 'peercred', target: { max: 1.1 } },
  { operation: 'getPeerCredentials(raw fd), with groups', js: 'js credentials', c: 'peergroups' },
  { operation: 'getPeerProcess(raw fd) + close()', js: 'js process', c: 'peerpidfd' },
  { operation: 'getPeerPidUidGid(net.Socket), cached', js: 'js cached', c: 'peercred' },
  { operation: 'getPeerPidUidGid(new net.Socket), 1st call', js: 'js first', c: 'peercred' },
  { operation: 'sendCredentials + receiveCredentials', js: 'js passcred', c: 'passcred', target: { max: 1.5 } },
  { operation: 'sendFds + receiveFds, 1 fd a message, per fd', js: 'js passfds1', c: 'passfds1', fds: 1, target: { minThroughput: 0.7 } },
  { operation: 'sendFds + receiveFds, 253 fds a message, per fd', js: 'js passfds253', c: 'passfds253', fds: 253, target: { minThroughput: 0.7 } },
];
const rows = allRows.filter((row) => wanted(row.js.slice('js '.length)));

// --- the C floor, built here: a program on its own socketpair, and a Node-API module run in this process ---
// Node's headers: npm's nodedir, else the ones installed beside this Node.
const nodeInclude = join(process.env.npm_config_nodedir ?? dirname(dirname(process.execPath)), 'include', 'node');
mkdirSync(join(out, 'bin'), { recursive: true });
const cc = (source, output, flags) => execFileSync('cc', ['-O2', '-Wall', '-Wextra', ...flags, '-o', output, join(here, 'c', `${source}.c`)], { stdio: 'inherit' });
// Each program's in-Node loop runs on the descriptors the library is measured on (peer: the receiving end).
const programs = [
  { name: 'peercred', source: 'peercred', on: { fd: rawFd, peer: -1 } },
  { name: 'peergroups', source: 'peergroups', on: { fd: rawFd, peer: -1 } },
  { name: 'peerpidfd', source: 'peerpidfd', on: { fd: rawFd, peer: -1 } },
  { name: 'passcred', source: 'passcred', on: credentials },
  { name: 'passfds1', source: 'passfds', flags: ['-DFDS=1'], on: descriptors },
  { name: 'passfds253', source: 'passfds', flags: ['-DFDS=253'], on: descriptors },
];
const bin = { connect: join(out, 'bin', 'connect') };
cc('connect', bin.connect, []);
const measurements = {};
// The accept measurement's control is peergroups' query.
const built = programs.filter((program) => rows.some((row) => row.c === program.name) || (program.name === 'peergroups' && wanted('accept')));
const inNodeOf = {};
for (const { name, source, flags = [], on } of built) {
  bin[name] = join(out, 'bin', name);
  cc(source, bin[name], ['-pthread', ...flags]);
  const addon = join(out, 'bin', `${name}.node`);
  cc(source, addon, ['-shared', '-fPIC', '-DBENCH_ADDON', `-I${nodeInclude}`, ...flags]);
  const inNode = (inNodeOf[name] = require(addon));
  if (!rows.some((row) => row.c === name)) continue; // built for the accept measurement alone
  measurements[`C ${name} in Node`] = { run: (n) => inNode.run(on.fd, on.peer, n) };
  measurements[`C ${name} per call`] = { run: (n) => timeCalls(() => inNode.once(on.fd, on.peer), n) };
  measurements[`C ${name}`] = { run: child(bin[name], []) };
  measurements[`Python ${name}`] = { run: child(PYTHON, [stdlib, name]) };
}
if (bin.peercred) measurements['C peercred +thread'] = { run: child(bin.peercred, ['--thread']) };

// --- the library ----------------------------------------------------------------------------------
/** The first getPeerPidUidGid on each of n fresh net.Sockets (both ends of n/2 connections, in batches). */
async function firstCalls(n) {
  let total = 0;
  let done = 0;
  while (done < n) {
    const { clients, servers } = await connections(Math.max(1, Math.min(500, Math.ceil((n - done) / 2))));
    const sockets = [...servers, ...clients];
    let i = 0;
    total += timeCalls(() => getPeerPidUidGid(sockets[i++]), sockets.length) * sockets.length;
    done += sockets.length;
    await destroy(sockets);
  }
  return total / done;
}

async function passCredentials() {
  await sendCredentials(credentials.sender);
  if ((await receiveCredentials(credentials.receiver)).source !== 'message') throw new Error('the credentials came without their message');
}

const file = openSync('/dev/null', 'r'); // what the descriptor measurements send
/** One round trip of sendFds and receiveFds; the received descriptors are closed, as the C loop does. */
async function passFds(fds) {
  await sendFds(descriptors.sender, fds);
  const received = (await receiveFds(descriptors.receiver)).fds;
  for (const fd of received) closeSync(fd);
  if (received.length !== fds.length) throw new Error(`sent ${fds.length} descriptors, received ${received.length}`);
}
const oneFd = [file];
const fds253 = Array(253).fill(file);

// Accepting: a C program connects (and closes) 3n times, one connection after another; this server accepts
// and destroys each, in turns of blocks of connections: as they come, with checkPeer first, and with the
// same number of system calls from C first (peergroups' query: SO_ACCEPTCONN, SO_PEERCRED, SO_PEERGROUPS, as
// checkPeer's SO_PEERCRED, SO_PEERGROUPS and geteuid), so that all meet the same load. A block's time runs
// from its first connection to the next block's first (to the last, for the last).
const acceptPath = `${path}.accept`;
const policy = { sameUser: true };
let onAccept = null;
const acceptServer = net.createServer((socket) => onAccept(socket));
acceptServer.listen({ path: acceptPath, backlog: 4096 });
await once(acceptServer, 'listening');
const ACCEPT_KINDS = ['accept', 'accept + checkPeer', 'accept + C'];
let firstKind = 0;

/** ns per connection accepted as it comes, with checkPeer and with the C query, n connections each. */
async function accept(n) {
  const block = Math.max(1, Math.floor(n / 20));
  const connectionCount = ACCEPT_KINDS.length * n;
  const total = Object.fromEntries(ACCEPT_KINDS.map((kind) => [kind, 0]));
  const query = inNodeOf.peergroups;
  let count = 0;
  let start = 0n;
  let kind = (firstKind = (firstKind + 1) % ACCEPT_KINDS.length);
  const client = spawn(bin.connect, [acceptPath, String(connectionCount)], { stdio: ['ignore', 'ignore', 'inherit'] });
  await new Promise((resolve, reject) => {
    onAccept = (socket) => {
      const now = process.hrtime.bigint();
      if (count > 0 && (count % block === 0 || count === connectionCount - 1)) {
        total[ACCEPT_KINDS[kind]] += Number(now - start);
        if (count % block === 0) kind = (kind + 1) % ACCEPT_KINDS.length;
      }
      if (count % block === 0) start = now;
      if (kind === 1) checkPeer(socket, policy);
      else if (kind === 2) query.once(socket._handle.fd, -1);
      socket.destroy();
      if (++count === connectionCount) resolve();
    };
    client.once('exit', (code) => code !== 0 && reject(new Error(`${bin.connect} exited with ${code}`)));
  });
  // Before the next round: every connection closed.
  while ((await new Promise((resolve) => acceptServer.getConnections((_, open) => resolve(open)))) > 0) await new Promise(setImmediate);
  return Object.fromEntries(ACCEPT_KINDS.map((name) => [name, total[name] / n]));
}

const library = {
  'js raw': { run: (n) => timeCalls(() => getPeerPidUidGid(rawFd), n) },
  'js credentials': { run: (n) => timeCalls(() => getPeerCredentials(rawFd), n) },
  'js process': { run: (n) => timeCalls(() => getPeerProcess(rawFd).close(), n) },
  'js cached': { run: (n) => timeCalls(() => getPeerPidUidGid(peer), n) },
  'js first': { run: firstCalls, max: FIRST_CALL_MAX },
  'js passcred': { run: (n) => timeAsync(passCredentials, n) },
  'js passfds1': { run: (n) => timeAsync(() => passFds(oneFd), n) },
  'js passfds253': { run: (n) => timeAsync(() => passFds(fds253), n) },
};
for (const row of rows) measurements[row.js] = library[row.js];
if (wanted('accept')) measurements.accept = { run: accept, fixed: ACCEPTS };

// --- measure ----------------------------------------------------------------------------------------
// Each row's call runs beside its floor; the C programs and Python alone.
const alone = Object.keys(measurements).filter((name) => !/ in Node$| per call$|^js |^accept/.test(name));
const units = [...rows.map((row) => [row.js, `C ${row.c} in Node`, `C ${row.c} per call`]), ...(wanted('accept') ? [['accept']] : []), ...alone.map((name) => [name])];
const sampled = await sample(measurements, units, {
  rounds: ROUNDS,
  roundNs: smoke ? 2e6 : 150e6, // wanted duration of one timed run of one measurement
  calibrationNs: smoke ? 1e6 : 30e6,
  startN: smoke ? 10 : 1000,
});

/**
 * Cold import: `node -e "import('unix-cred')"` minus `node -e ""`, fresh processes in turn, the median of n;
 * an empty ES module beside them shows what Node's ES module loader alone costs, and `unix-cred --help`
 * what the command takes to start.
 */
function coldImport(n) {
  const empty = join(out, 'empty.mjs');
  writeFileSync(empty, 'export {};\n');
  const cli = join(dirname(require.resolve('unix-cred/package.json')), 'bin', 'unix-cred.js');
  const runs = {
    baseline: ['-e', ''],
    empty: ['-e', `import(${JSON.stringify(empty)})`],
    import: ['-e', "import('unix-cred')"],
    cli: [cli, '--help'],
  };
  const times = Object.fromEntries(Object.keys(runs).map((name) => [name, []]));
  const env = startEnvironment();
  for (let i = 0; i < n; i++) {
    for (const [name, args] of Object.entries(runs)) {
      const start = process.hrtime.bigint();
      execFileSync(process.execPath, args, { cwd: here, env, stdio: 'ignore' });
      times[name].push(Number(process.hrtime.bigint() - start));
    }
  }
  // Each start minus the baseline started just before it: the two meet the same moment's load, which moves
  // both, so the median of these differences holds where a difference of medians can even turn negative.
  const over = (name) => median(times[name].map((time, i) => time - times.baseline[i]));
  return { n, baseline: median(times.baseline), import: median(times.import), difference: over('import'), emptyModule: over('empty'), cli: over('cli') };
}
const startup = wanted('import') ? coldImport(IMPORTS) : null;

/** RSS and open descriptors around n more calls of work, after a tenth as warm-up; a full GC before each reading. */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
async function soak(n, work) {
  const state = () => (gc(), { rss: process.memoryUsage.rss(), fds: readdirSync('/proc/self/fd').length });
  await work(Math.ceil(n / 10));
  const before = state();
  await work(n);
  return { n, before, after: state() };
}
const soaks = !wanted('soak')
  ? []
  : [
      { what: `${SOAK.calls.toLocaleString('en-US')} getPeerCredentials(raw fd)`, ...(await soak(SOAK.calls, (n) => timeCalls(() => getPeerCredentials(rawFd), n))) },
      { what: `${SOAK.roundTrips.toLocaleString('en-US')} sendFds + receiveFds round trips`, ...(await soak(SOAK.roundTrips, (n) => timeAsync(() => passFds(oneFd), n))) },
    ];

closeSync(file);
await destroy([peer, credentials.sender, credentials.receiver, descriptors.sender, descriptors.receiver]);
server.close();
acceptServer.close();

// --- report -------------------------------------------------------------------------------------------
const unitOf = (name) => sampled.find((unit) => unit.names[0] === name);
/** The median of a measurement's samples (in the unit it leads, or in `unit`), per descriptor with `per`. */
const figure = (name, per = 1, unit = unitOf(name)) => {
  const value = median(unit?.samples[name] ?? []);
  return value == null ? null : value / per;
};
const ratio = (a, b) => (a == null || b == null ? null : a / b);
const results = rows.map((row) => {
  const per = row.fds ?? 1;
  const unit = unitOf(row.js);
  const median = figure(row.js, per);
  const [cNode, cProgram, python] = [figure(`C ${row.c} in Node`, per, unit), figure(`C ${row.c}`, per), figure(`Python ${row.c}`, per)];
  const [floor, perCall] = [`C ${row.c} in Node`, `C ${row.c} per call`];
  return {
    ...row,
    median,
    cNode,
    ratio: pairedRatio(unit, row.js, floor),
    cPerCall: figure(perCall, per, unit),
    perCallRatio: pairedRatio(unit, perCall, floor),
    ratioToPerCall: pairedRatio(unit, row.js, perCall),
    cProgram,
    ratioToProgram: ratio(median, cProgram),
    python,
    ratioToPython: ratio(median, python),
  };
});

const targets = [];
const target = (name, figureText, met) => targets.push({ target: name, figure: figureText, met });
for (const r of results.filter((row) => row.target)) {
  const alone = `${times(r.ratioToProgram)} the C program alone; a C call per operation from JavaScript takes ${times(r.perCallRatio)} the loop, the library ${times(r.ratioToPerCall)} that call`;
  if (r.target.max !== undefined) {
    target(`${r.operation}: <= ${r.target.max}x the C loop in Node`, `${times(r.ratio)} (${alone})`, r.ratio != null && r.ratio <= r.target.max);
  } else {
    const throughput = ratio(1, r.ratio);
    const rates = `${perSecond(1e9 / r.median)} vs ${perSecond(1e9 / r.cNode)}`;
    target(`${r.operation}: >= ${r.target.minThroughput}x the C loop's throughput in Node`, `${times(throughput)} (${rates}; ${alone})`, throughput != null && throughput >= r.target.minThroughput);
  }
}
const accepting = unitOf('accept');
if (accepting !== undefined) {
  const [withCheck, withC, without] = [figure('accept + checkPeer', 1, accepting), figure('accept + C', 1, accepting), figure('accept', 1, accepting)];
  const added = (name) => pairedRatio(accepting, name, 'accept') - 1;
  const percent = (share) => `${share >= 0 ? '+' : ''}${(share * 100).toFixed(1)}%`;
  const overhead = added('accept + checkPeer');
  target(
    `accepting ${ACCEPTS.toLocaleString('en-US')} connections: checkPeer adds <= 5%`,
    `${percent(overhead)} (${ns(withCheck)} vs ${ns(without)} a connection; three system calls from C: ${percent(added('accept + C'))}, ${ns(withC)})`,
    overhead <= 0.05,
  );
}
if (startup !== null) {
  target(
    "cold import('unix-cred'): <= 10 ms",
    `${ns(startup.difference)} (median of ${startup.n} differences to node -e "" started just before; medians ${ns(startup.import)} and ${ns(startup.baseline)}; an empty ES module: ${ns(startup.emptyModule)})`,
    startup.difference <= 10e6,
  );
  target('CLI start, `unix-cred --help` minus `node -e ""` (reported, no target)', `${ns(startup.cli)} (medians of ${startup.n})`, null);
}
for (const s of soaks) {
  const growth = s.after.rss - s.before.rss;
  target(`soak, ${s.what}: RSS grows <= 5 MB, descriptors unchanged`, `RSS ${megabytes(growth)}, descriptors ${s.before.fds} -> ${s.after.fds}`, growth <= 5 * 2 ** 20 && s.after.fds === s.before.fds);
}

const cpu = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown CPU';
const python = execFileSync(PYTHON, ['--version'], { encoding: 'utf8' }).trim();
const environment = `${cpu} (${availableParallelism()} CPUs), Linux ${release()}, Node ${process.versions.node}, ${python}`;
const operations = markdownTable(
  [
    ['operation', 'median', 'per second', 'C in Node (floor)', 'ratio', 'C call per op', 'ratio', 'C program', 'ratio', 'Python stdlib', 'ratio'],
    ...results.map((r) => [
      r.operation,
      ns(r.median),
      perSecond(1e9 / r.median),
      ns(r.cNode),
      times(r.ratio),
      ns(r.cPerCall),
      times(r.ratioToPerCall),
      ns(r.cProgram),
      times(r.ratioToProgram),
      ns(r.python),
      times(r.ratioToPython),
    ]),
  ],
  [false, true, true, true, true, true, true, true, true, true, true],
);
const targetTable = markdownTable([['target', 'figure', 'met'], ...targets.map((t) => [t.target, t.figure, t.met === null ? '-' : t.met ? 'met' : 'NOT met'])], [false, false, false]);
const note =
  `The floor is the C loop run inside this Node process on the same descriptors, beside the call in each round; its ratio is ` +
  `the median of the per-round ratios, as is the ratio to "C call per op" (the same C operation called from JavaScript once per ` +
  `operation, in the same round: what any API answering one call at a time pays before its own work), the others are ratios of medians. ` +
  `The C program runs alone, on its own socketpair, ` +
  `without threads: with one idle thread it takes ${ns(figure('C peercred +thread'))} for peercred ` +
  `(a process with threads takes a file reference on each descriptor lookup), so the in-Node loop is the fair floor.`;
// The load average at the end says how busy the machine was (other processes widen a ratio's spread).
const load = loadavg().map((x) => x.toFixed(1)).join(' ');
const title = `unix-cred bench${smoke ? ' (smoke: not a measurement)' : ''}${only ? ` (only ${only.join(', ')})` : ''}: ${environment}; median of ${ROUNDS} round(s); load average ${load}`;
console.log([title, '', operations, '', note, '', targetTable].join('\n'));
writeFileSync(join(out, 'results.md'), [`# ${title}`, '', operations, '', note, '', targetTable, ''].join('\n'));
const skipped = Object.fromEntries(Object.entries(measurements).flatMap(([name, m]) => (m.skipped ? [[name, m.skipped]] : [])));
const report = { date: new Date().toISOString(), environment, smoke, rounds: ROUNDS, rows: results, targets, startup, soaks, units: sampled, skipped };
writeFileSync(join(out, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`wrote ${join(out, 'results.md')} and results.json`);
