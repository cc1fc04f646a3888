// pnpm bench: each unix-cred operation against the same system calls in a C loop and against Python's stdlib.
// Usage: node bench/run.js [--smoke]. Writes bench/out/results.json. Never fails on a ratio.
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { release, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getPeerCredentials, getPeerPidUidGid, getPeerProcess } from 'unix-cred';

const require = createRequire(import.meta.url);
const smoke = process.argv.includes('--smoke');
const ROUNDS = smoke ? 1 : 7;
const ROUND_NS = smoke ? 2e6 : 150e6; // wanted duration of one timed run of one measurement
const FIRST_CALL_MAX = smoke ? 20 : 5000; // new connections per round for the first-call measurement
const here = fileURLToPath(new URL('.', import.meta.url));
const out = join(here, 'out');
const PYTHON = `
import socket, struct, sys, time
def loop(s, n):
    for _ in range(n):
        if s.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN): raise SystemExit('listening')
        pid, uid, gid = struct.unpack('3i', s.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, 12))
n = int(sys.argv[1])
a, b = socket.socketpair()
loop(a, n // 10 + 1)
t = time.perf_counter_ns()
loop(a, n)
print((time.perf_counter_ns() - t) / n)
`;

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

/** count new connections: their client and accepted (server-side) net.Sockets. */
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

const { servers: [peer] } = await connections(1);
const rawFd = peer._handle.fd;

// --- measurements: run(n) -> ns/op ---------------------------------------------------------------
/** The one JS timing helper: n calls of fn, ns per call. */
function timeCalls(fn, n) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  return Number(process.hrtime.bigint() - start) / n;
}

/** ns/op printed by a child process given an iteration count (C loops, Python). */
function child(file, args) {
  return (n) => {
    try {
      return Number(execFileSync(file, [...args, String(n)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
    } catch (error) {
      if (error.status === 3) throw Object.assign(new Error(String(error.stderr).trim()), { code: 'ERR_UNIX_CRED_UNSUPPORTED' });
      throw error;
    }
  };
}

/** The first getPeerPidUidGid on each of n fresh net.Sockets (both ends of n/2 connections, in batches). */
async function firstCalls(n) {
  let ns = 0;
  let done = 0;
  while (done < n) {
    const { clients, servers } = await connections(Math.max(1, Math.min(500, Math.ceil((n - done) / 2))));
    const sockets = [...servers, ...clients];
    let i = 0;
    ns += timeCalls(() => getPeerPidUidGid(sockets[i++]), sockets.length) * sockets.length;
    done += sockets.length;
    await destroy(sockets);
  }
  return ns / done;
}

// Node's headers for the in-process C loops: npm's nodedir, else the ones installed beside this Node.
const nodeInclude = join(process.env.npm_config_nodedir ?? dirname(dirname(process.execPath)), 'include', 'node');
mkdirSync(join(out, 'bin'), { recursive: true });
const bin = {};
const inNode = {};
for (const name of ['peercred', 'peergroups', 'peerpidfd']) {
  const source = join(here, 'c', `${name}.c`);
  bin[name] = join(out, 'bin', name);
  execFileSync('cc', ['-O2', '-Wall', '-pthread', '-o', bin[name], source], { stdio: 'inherit' });
  const addon = join(out, 'bin', `${name}.node`);
  execFileSync('cc', ['-O2', '-Wall', '-shared', '-fPIC', '-DBENCH_ADDON', `-I${nodeInclude}`, '-o', addon, source], { stdio: 'inherit' });
  inNode[name] = require(addon);
}

/** The C loop run inside this process, on the descriptor the library is measured on. */
const cInNode = (name) => ({ run: (n) => inNode[name].run(rawFd, n) });

const measurements = {
  'C peercred in Node': cInNode('peercred'),
  'C peergroups in Node': cInNode('peergroups'),
  'C peerpidfd in Node': cInNode('peerpidfd'),
  'C peercred': { run: child(bin.peercred, []) },
  'C peercred +thread': { run: child(bin.peercred, ['--thread']) },
  'C peergroups': { run: child(bin.peergroups, []) },
  'C peerpidfd': { run: child(bin.peerpidfd, []) },
  python: { run: child('/usr/bin/python3', ['-c', PYTHON]) },
  'js raw': { run: (n) => timeCalls(() => getPeerPidUidGid(rawFd), n) },
  'js credentials': { run: (n) => timeCalls(() => getPeerCredentials(rawFd), n) },
  'js process': { run: (n) => timeCalls(() => getPeerProcess(rawFd).close(), n) },
  'js cached': { run: (n) => timeCalls(() => getPeerPidUidGid(peer), n) },
  'js first': { run: firstCalls, max: FIRST_CALL_MAX },
};

// Ratios are to the C loop in this process ("C in Node": same descriptor, same threads); the C loop
// as a program of its own and Python's stdlib are shown beside it.
const rows = [
  { operation: 'getPeerPidUidGid(raw fd)', js: 'js raw', cNode: 'C peercred in Node', c: 'C peercred', python: 'python', target: 1.25 },
  { operation: 'getPeerCredentials(raw fd)', js: 'js credentials', cNode: 'C peergroups in Node', c: 'C peergroups' },
  { operation: 'getPeerProcess(raw fd) + close()', js: 'js process', cNode: 'C peerpidfd in Node', c: 'C peerpidfd' },
  { operation: 'getPeerPidUidGid(net.Socket), cached', js: 'js cached', cNode: 'C peercred in Node', c: 'C peercred', python: 'python' },
  { operation: 'getPeerPidUidGid(new net.Socket), 1st call', js: 'js first', cNode: 'C peercred in Node', c: 'C peercred', python: 'python' },
];

// --- calibrate (doubles as JS warm-up), then interleaved rounds -----------------------------------
const calibrationNs = smoke ? 1e6 : 30e6;
for (const [name, m] of Object.entries(measurements)) {
  m.samples = [];
  try {
    let n = smoke ? 10 : 1000;
    for (;;) {
      const perOp = await m.run(n);
      const spent = perOp * n;
      m.iterations = Math.min(m.max ?? Infinity, Math.max(1, Math.round(ROUND_NS / perOp)));
      if (spent >= calibrationNs || n >= m.iterations) break;
      n = Math.min(m.iterations, Math.ceil(n * Math.min(16, (1.5 * calibrationNs) / spent)));
    }
  } catch (error) {
    if (error.code !== 'ERR_UNIX_CRED_UNSUPPORTED') throw error;
    m.skipped = error.message;
    console.log(`skipped ${name}: ${error.message}`);
  }
}
const active = Object.values(measurements).filter((m) => !m.skipped);
for (let round = 0; round < ROUNDS; round++) {
  // rotate the order so no measurement always runs right after the same neighbour
  for (let k = 0; k < active.length; k++) {
    const m = active[(k + round) % active.length];
    m.samples.push(await m.run(m.iterations));
  }
}
await destroy([peer]);
server.close();

// --- report ---------------------------------------------------------------------------------------
const median = (xs) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
for (const m of Object.values(measurements)) m.median = median(m.samples);
const ratio = (a, b) => (a == null || b == null ? null : a / b);
const results = rows.map((row) => {
  const median = measurements[row.js].median;
  const floor = (name) => (name ? measurements[name].median : null);
  const [cNode, c, python] = [floor(row.cNode), floor(row.c), floor(row.python)];
  return { ...row, median, cNode, ratio: ratio(median, cNode), cAlone: c, ratioToCAlone: ratio(median, c), python, ratioToPython: ratio(median, python), samples: measurements[row.js].samples };
});

const fmt = (x, digits = 1) => (x == null ? '-' : x.toFixed(digits));
const table = [
  ['operation', 'median ns/op', 'C in Node ns/op', 'ratio', 'C alone ns/op', 'ratio', 'Python ns/op', 'ratio'],
  ...results.map((r) => [r.operation, fmt(r.median), fmt(r.cNode), fmt(r.ratio, 2), fmt(r.cAlone), fmt(r.ratioToCAlone, 2), fmt(r.python), fmt(r.ratioToPython, 2)]),
];
const widths = table[0].map((_, i) => Math.max(...table.map((line) => line[i].length)));
const lines = table.map((line) => line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | '));
lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('-|-'));
console.log(`unix-cred bench${smoke ? ' (smoke: not a measurement)' : ''}: Node ${process.versions.node}, Linux ${release()}, ${ROUNDS} round(s), median of rounds`);
console.log(lines.join('\n'));
const targets = results
  .filter((r) => r.target !== undefined)
  .map((r) => ({ operation: r.operation, max: r.target, ratio: r.ratio, ratioToCAlone: r.ratioToCAlone, met: r.ratio != null && r.ratio <= r.target }));
for (const t of targets) {
  console.log(`target ${t.operation} <= ${t.max}x the C loop in Node: ${t.met ? 'met' : 'NOT met'} (${fmt(t.ratio, 2)}; ${fmt(t.ratioToCAlone, 2)}x the C loop as a program of its own)`);
}
console.log(`note: 'C peercred +thread' (a C program with one idle thread) ran at ${fmt(measurements['C peercred +thread'].median)} ns/op: with threads, each descriptor lookup takes a file reference`);

const measured = Object.fromEntries(Object.entries(measurements).map(([name, m]) => [name, { iterations: m.iterations, samples: m.samples, median: m.median, skipped: m.skipped }]));
const report = { date: new Date().toISOString(), node: process.versions.node, kernel: release(), smoke, rounds: ROUNDS, rows: results, targets, measurements: measured };
writeFileSync(join(out, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`wrote ${join(out, 'results.json')}`);
