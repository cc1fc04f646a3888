// Start-up cost in instructions, which a shared, loaded machine cannot blur as it blurs wall time: each
// command under valgrind's callgrind (Debian: apt-get install valgrind), fresh processes in turn, medians
// of n, minus `node -e ""`. Usage: node bench/instructions.js [n] (default 5).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, startEnvironment } from './lib/measure.js';

const n = Number(process.argv[2] ?? 5);
const here = fileURLToPath(new URL('.', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'unix-cred-instructions-'));
const empty = join(scratch, 'empty.mjs');
writeFileSync(empty, 'export {};\n');
const cli = join(dirname(createRequire(import.meta.url).resolve('unix-cred/package.json')), 'bin', 'unix-cred.js');
const runs = {
  'node -e ""': ['-e', ''],
  'an empty ES module': ['-e', `import(${JSON.stringify(empty)})`],
  "import('unix-cred')": ['-e', "import('unix-cred')"],
  "import('@unix-cred/linux')": ['-e', "import('@unix-cred/linux')"],
  'unix-cred --help': [cli, '--help'],
};

const env = startEnvironment();
/** Instructions callgrind counted in one run of node with args (every thread of the process). */
function instructions(args) {
  const file = join(scratch, 'callgrind.out');
  execFileSync('valgrind', ['--tool=callgrind', `--callgrind-out-file=${file}`, process.execPath, ...args], { cwd: here, env, stdio: 'ignore' });
  const total = /^(?:summary|totals): (\d+)/m.exec(readFileSync(file, 'utf8'));
  rmSync(file);
  return Number(total[1]);
}

const counts = Object.fromEntries(Object.keys(runs).map((name) => [name, []]));
for (let i = 0; i < n; i++) for (const [name, args] of Object.entries(runs)) counts[name].push(instructions(args));
rmSync(scratch, { recursive: true });
const baseline = median(counts['node -e ""']);
for (const [name, xs] of Object.entries(counts)) {
  const m = median(xs);
  const spread = `${((Math.min(...xs) - m) / 1e6).toFixed(1)}..+${((Math.max(...xs) - m) / 1e6).toFixed(1)}`;
  console.log(`${name.padEnd(28)} ${(m / 1e6).toFixed(1).padStart(7)} M  ${name === 'node -e ""' ? '' : `+${((m - baseline) / 1e6).toFixed(1)} M`}  (spread ${spread} M, n=${n})`);
}
