// Timing helpers of the bench: every measurement is run(n) -> ns per op (or an object of such figures by
// name, for one that measures several things at once), calibrated, then sampled in interleaved rounds whose
// median is the figure.
import { execFileSync } from 'node:child_process';

/** n calls of a synchronous fn: ns per call. */
export function timeCalls(fn, n) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  return Number(process.hrtime.bigint() - start) / n;
}

/** n calls of an async fn, one after another: ns per call. */
export async function timeAsync(fn, n) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn();
  return Number(process.hrtime.bigint() - start) / n;
}

/** ns/op printed by a child process given an iteration count (C programs, Python); exit 3: unsupported. */
export function child(file, args) {
  return (n) => {
    try {
      return Number(execFileSync(file, [...args, String(n)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
    } catch (error) {
      if (error.status === 3) throw Object.assign(new Error(String(error.stderr).trim() || `${file} ${args.join(' ')}: unsupported`), { code: 'ERR_UNIX_CRED_UNSUPPORTED' });
      throw error;
    }
  };
}

export const median = (xs) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Calibrates each measurement (iterations enough for roundNs; `fixed` ones run as given; calibrating doubles
 * as warm-up), then samples `units`: lists of measurement names run back to back, in turns of the order,
 * so that a library call and its floor meet the same load and their per-round ratio is fair. Rounds rotate
 * the units, so that none always runs right after the same neighbour. Returns each unit's samples by name
 * (a measurement's, or those of the figures it returns); one whose OS feature is missing is marked skipped.
 */
export async function sample(measurements, units, { rounds, roundNs, calibrationNs, startN }) {
  for (const [name, m] of Object.entries(measurements)) {
    try {
      if (m.fixed !== undefined) {
        await m.run(m.fixed);
        m.iterations = m.fixed;
        continue;
      }
      for (let n = startN; ; ) {
        const perOp = await m.run(n);
        const spent = perOp * n;
        m.iterations = Math.min(m.max ?? Infinity, Math.max(1, Math.round(roundNs / perOp)));
        if (spent >= calibrationNs || n >= m.iterations) break;
        n = Math.min(m.iterations, Math.ceil(n * Math.min(16, (1.5 * calibrationNs) / spent)));
      }
    } catch (error) {
      if (error.code !== 'ERR_UNIX_CRED_UNSUPPORTED') throw error;
      m.skipped = error.message;
      console.log(`skipped ${name}: ${error.message}`);
    }
  }
  const sampled = units.map((names) => ({ names, samples: Object.fromEntries(names.map((name) => [name, []])) }));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < sampled.length; k++) {
      const unit = sampled[(k + round) % sampled.length];
      for (const name of round % 2 ? [...unit.names].reverse() : unit.names) {
        const m = measurements[name];
        if (m.skipped) continue;
        const result = await m.run(m.iterations);
        for (const [key, ns] of Object.entries(typeof result === 'number' ? { [name]: result } : result)) (unit.samples[key] ??= []).push(ns);
      }
    }
  }
  return sampled;
}

/** Median over rounds of a's time over b's, from one unit's samples (null when either was skipped). */
export function pairedRatio(unit, a, b) {
  const [xs, ys] = [unit.samples[a] ?? [], unit.samples[b] ?? []];
  return xs.length === 0 || ys.length === 0 ? null : median(xs.map((x, i) => x / ys[i]));
}

/**
 * The environment of the start-up measurements' node processes: this one's without NODE_EXTRA_CA_CERTS. Node
 * parses every certificate of that file before it runs anything (with Debian's bundle, 416 M of the 508 M
 * instructions of `node -e ""` here); no start measured needs them, and their cost only widens the spread.
 */
export function startEnvironment() {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}
