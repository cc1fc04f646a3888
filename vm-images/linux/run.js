// The conformance suite under Debian 12's Linux 6.1 kernel (no SO_PEERPIDFD, no SO_PASSPIDFD) in QEMU.
// The guest boots an initramfs of busybox and that kernel's own 9p/overlay modules, mounts this machine's
// root read-only and runs conformance/ against the packages built here; its exit status comes back on
// the serial console and becomes ours.
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const kernelDir = join(here, '.cache', 'current');
const BUSYBOX = '/bin/busybox';
// Enough for the slowest run seen under TCG several times over; a hung guest must not hold CI.
const TIMEOUT_MS = Number(process.env.UNIX_CRED_VM_TIMEOUT_MS ?? 20 * 60_000);
// What the guest needs beyond the kernel image: PCI virtio, the 9p transport and filesystem, overlayfs.
const ROOT_MODULES = ['virtio_pci', '9pnet_virtio', '9p', 'overlay'];
// The host environment the suite sees (the rest would describe this machine, not the guest).
const SUITE_ENV = ['HOME', 'LANG', 'TERM', 'CI', 'FORCE_COLOR', 'NO_COLOR'];
const STATUS = /^unix-cred-vm: exit status (\d+)$/m;

const quote = (value) => `'${String(value).replaceAll("'", `'\\''`)}'`;

function files(dir, found = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) files(join(dir, entry.name), found);
    else found.push(join(dir, entry.name));
  }
  return found;
}

/** The modules ROOT_MODULES need, each after those it depends on (modinfo's depends=, read from the .ko). */
function moduleOrder(modulesDir) {
  const byName = new Map();
  for (const file of files(modulesDir)) {
    const match = /\/([^/]+)\.ko$/.exec(file);
    if (match) byName.set(match[1].replaceAll('-', '_'), file);
  }
  const order = [];
  const visit = (name) => {
    if (order.includes(name)) return;
    const file = byName.get(name);
    if (!file) throw new Error(`the kernel package has no module ${name}.ko`);
    const depends = /\0depends=([^\0]*)/.exec(readFileSync(file, 'latin1'))?.[1] ?? '';
    for (const dependency of depends.split(',').filter(Boolean)) visit(dependency);
    order.push(name);
  };
  ROOT_MODULES.forEach(visit);
  return order.map((name) => ({ name, file: byName.get(name) }));
}

function buildInitramfs(work) {
  const [version] = readdirSync(join(kernelDir, 'lib', 'modules'));
  const modules = moduleOrder(join(kernelDir, 'lib', 'modules', version, 'kernel'));
  const root = join(work, 'root');
  for (const dir of ['bin', 'modules', 'proc', 'sys', 'dev']) mkdirSync(join(root, dir), { recursive: true });
  copyFileSync(BUSYBOX, join(root, 'bin', 'busybox'));
  copyFileSync(join(here, 'init.sh'), join(root, 'init'));
  for (const { name, file } of modules) copyFileSync(file, join(root, 'modules', `${name}.ko`));
  const env = { REPO: repo, ...Object.fromEntries(SUITE_ENV.filter((key) => key in process.env).map((key) => [key, process.env[key]])) };
  // Colours only when a person watches: the guest's output reaches them through a pipe.
  if (process.stdout.isTTY && !('NO_COLOR' in env)) env.FORCE_COLOR = '1';
  writeFileSync(
    join(root, 'vm.env'),
    [
      `MODULES=${quote(modules.map((m) => m.name).join(' '))}`,
      `SUITE_PATH=${quote(process.env.PATH)}`,
      ...Object.entries(env).map(([key, value]) => `export ${key}=${quote(value)}`),
      '',
    ].join('\n'),
  );
  chmodSync(join(root, 'init'), 0o755);
  const initramfs = join(work, 'initramfs.cpio');
  execFileSync(BUSYBOX, ['sh', '-c', `find . | ${BUSYBOX} cpio -o -H newc > ${quote(initramfs)}`], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return initramfs;
}

function missing() {
  const needed = [
    [join(kernelDir, 'boot'), 'the Debian 6.1 kernel'],
    [BUSYBOX, 'busybox-static'],
  ];
  const absent = needed.filter(([path]) => !existsSync(path)).map(([, what]) => what);
  try {
    execFileSync('qemu-system-x86_64', ['--version'], { stdio: 'ignore' });
  } catch {
    absent.push('qemu-system-x86');
  }
  return absent;
}

export async function run() {
  let absent = missing();
  // As root on Debian the pieces are fetched here, so the README's test command works on a fresh machine.
  if (absent.length > 0 && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log(`conformance:vm linux: fetching ${absent.join(', ')} (vm-images/linux/prepare.sh)`);
    execFileSync('bash', [join(here, 'prepare.sh')], { stdio: 'inherit' });
    absent = missing();
  }
  if (absent.length > 0) {
    console.error(`conformance:vm linux: missing ${absent.join(', ')}; run \`bash vm-images/linux/prepare.sh\` (as root, on Debian) first.`);
    return 1;
  }
  const kernel = join(kernelDir, 'boot', readdirSync(join(kernelDir, 'boot')).find((name) => name.startsWith('vmlinuz-')));
  const work = mkdtempSync(join(tmpdir(), 'unix-cred-vm-'));
  const started = Date.now();
  try {
    const initramfs = buildInitramfs(work);
    console.log(`conformance:vm linux: booting ${kernel.replace(`${repo}/`, '')} under qemu-system-x86_64 (TCG) on a Linux ${release()} host`);
    // TCG: KVM is not usable on this project's machines; thread=multi (a host thread per vCPU) took a run
    // from 155 s to about 105 s here. quiet: the console carries the suite's output.
    const qemu = spawn(
      'qemu-system-x86_64',
      [
        '-accel', 'tcg,thread=multi', '-cpu', 'max', '-smp', '2', '-m', '2048',
        '-nodefaults', '-display', 'none', '-no-reboot', '-serial', 'stdio',
        '-kernel', kernel, '-initrd', initramfs,
        '-append', 'console=ttyS0 quiet loglevel=3 panic=-1',
        '-virtfs', 'local,path=/,mount_tag=root,security_model=none,readonly=on,multidevs=remap',
      ],
      // stdin is not a tty, so QEMU leaves the terminal's modes alone.
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const timer = setTimeout(() => {
      console.error(`conformance:vm linux: no result after ${TIMEOUT_MS / 1000} s; stopping QEMU`);
      qemu.kill();
    }, TIMEOUT_MS);
    let output = '';
    qemu.stdout.setEncoding('utf8');
    qemu.stdout.on('data', (chunk) => {
      const text = chunk.replaceAll('\r\n', '\n');
      output += text;
      process.stdout.write(text);
    });
    const code = await new Promise((resolve) => qemu.on('close', resolve));
    clearTimeout(timer);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const status = STATUS.exec(output);
    if (!status) {
      console.error(`conformance:vm linux: the guest reported no exit status (QEMU exited with ${code}) after ${seconds} s`);
      return 1;
    }
    console.log(`conformance:vm linux: suite exit status ${status[1]}, ${seconds} s including boot`);
    return Number(status[1]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
