/**
 * Code for peers that run as other users. The clone may sit under a directory only its owner can enter
 * (/root is 0700), so such a peer cannot load the packages from there: it loads a copy of the built
 * packages and their runtime dependencies in a temporary directory every user can read. The runtime itself
 * (a Node installed under /root by nvm, the matrix's Node 22/24 and Bun in the clone's .matrix/) is
 * reached the same way. The clone's own modes are never touched.
 */
import { chmodSync, copyFileSync, cpSync, existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  /** The platform packages declare their OS for the published manifest only (pnpm warns on it in the workspace). */
  publishConfig?: { os?: string[] };
}

const readManifest = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;

/** The directory Node would load `name` from for code in `fromDir` (node_modules up the tree), or null. */
function locate(name: string, fromDir: string): string | null {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) return null;
  }
}

/** Makes every file readable and every directory enterable by all users, as npm would unpack them. */
function openToAll(path: string): void {
  const stat = statSync(path);
  chmodSync(path, stat.isDirectory() || stat.mode & 0o111 ? 0o755 : 0o644);
  if (stat.isDirectory()) for (const entry of readdirSync(path)) openToAll(join(path, entry));
}

let copies: Map<string, string> | undefined;
const PREFIX = 'unix-cred-peer-';

/** Test runners may end a worker without its exit handlers: copies whose process is gone are removed by the next. */
function removeOrphans(): void {
  for (const name of readdirSync(tmpdir())) {
    const pid = Number(/^unix-cred-peer-(\d+)-/.exec(name)?.[1]);
    if (!pid) continue;
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') rmSync(join(tmpdir(), name), { recursive: true, force: true });
    }
  }
}

/** A new directory every user can enter, removed when this process exits (or by the next, if it cannot). */
function newCopyDir(): string {
  removeOrphans();
  const copy = mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`));
  process.on('exit', () => rmSync(copy, { recursive: true, force: true }));
  chmodSync(copy, 0o755);
  return copy;
}

/** A world-readable copy of the package in `packageDir` and of everything it loads at run time, flat under <copy>/node_modules. */
function readableCopy(packageDir: string): string {
  copies ??= new Map();
  const made = copies.get(packageDir);
  if (made) return made;
  const copy = newCopyDir();
  const done = new Set<string>();
  const add = (source: string): void => {
    const manifest = readManifest(source);
    // A package for another OS is neither installed for users nor loadable here.
    const os = manifest.publishConfig?.os;
    if (done.has(manifest.name) || (os && !os.includes(process.platform))) return;
    done.add(manifest.name);
    const ownModules = join(source, 'node_modules');
    cpSync(source, join(copy, 'node_modules', manifest.name), { recursive: true, filter: (path) => !path.startsWith(ownModules) });
    const needed = (name: string, optional: boolean): void => {
      const found = locate(name, source);
      if (found) add(found);
      else if (!optional) throw new Error(`readableCopy: ${manifest.name} depends on ${name}, which is not installed`);
    };
    for (const name of Object.keys(manifest.dependencies ?? {})) needed(name, false);
    for (const name of Object.keys(manifest.optionalDependencies ?? {})) needed(name, true);
  };
  add(realpathSync(packageDir));
  openToAll(copy);
  copies.set(packageDir, copy);
  return copy;
}

/**
 * The path of `file` (relative to the package in `packageDir`) in a world-readable copy of that package and
 * its runtime dependencies: for a peer spawned as another user. Copied once per process, removed at exit.
 */
export function forOtherUsers(packageDir: string, file: string): string {
  return join(readableCopy(packageDir), 'node_modules', readManifest(packageDir).name, file);
}

/** Whether any user may execute `file`: it and every directory above it open to others. */
function executableByAll(file: string): boolean {
  for (let path = file; ; path = dirname(path)) {
    if ((statSync(path).mode & 0o001) === 0) return false;
    if (dirname(path) === path) return true;
  }
}

/** A hard link, when `to` is on the same filesystem as `from`. */
function linked(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    if (['EXDEV', 'EPERM'].includes((error as NodeJS.ErrnoException).code ?? '')) return false;
    throw error;
  }
}

let runtime: string | undefined;

/**
 * The running Node (or Bun) for `spawn(..., { uid })`: process.execPath when every user may execute it,
 * otherwise a hard link to it (a copy across filesystems, or when the binary itself is not executable by
 * others) in a directory every user can enter. Made once per process, removed at exit.
 */
export function runtimeForOtherUsers(): string {
  if (runtime) return runtime;
  const binary = realpathSync(process.execPath);
  if (executableByAll(binary)) return (runtime = process.execPath);
  const reachable = join(newCopyDir(), basename(binary));
  if (!((statSync(binary).mode & 0o001) !== 0 && linked(binary, reachable))) {
    copyFileSync(binary, reachable);
    chmodSync(reachable, 0o755);
  }
  return (runtime = reachable);
}
