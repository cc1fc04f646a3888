// The umbrella's `capabilities` as users get it and read of it. Its fields are those of the public Capabilities
// type (packages/internal/src/capabilities.ts, read with the TypeScript compiler), never CapabilityRow's kernel
// facts; docs/api.md lists each field with its type, so a new one fails here until it is documented; and the
// README's example compiles as a user's TypeScript and does what it says.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { capabilities as matrix } from '@unix-cred/internal';
import ts from 'typescript';
import { capabilities, platform } from 'unix-cred';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string): string => readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');

/** Each leaf field of the interface Capabilities, in order: its path ('pid.reported') → its type as written. */
function publicFields(): Map<string, string> {
  const source = ts.createSourceFile('capabilities.ts', read('../../internal/src/capabilities.ts'), ts.ScriptTarget.Latest, true);
  const fields = new Map<string, string>();
  const walk = (members: ts.NodeArray<ts.TypeElement>, prefix: string): void => {
    for (const member of members) {
      if (!ts.isPropertySignature(member) || member.type === undefined) throw new Error(`Capabilities has a member that is no typed property: ${member.getText(source)}`);
      const path = `${prefix}${member.name.getText(source)}`;
      if (ts.isTypeLiteralNode(member.type)) walk(member.type.members, `${path}.`);
      else fields.set(path, member.type.getText(source));
    }
  };
  const type = source.statements.find((node): node is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(node) && node.name.text === 'Capabilities');
  if (type === undefined) throw new Error('packages/internal/src/capabilities.ts has no interface Capabilities');
  walk(type.members, '');
  return fields;
}

function leafPaths(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, field]) => (field !== null && typeof field === 'object' ? leafPaths(field, `${prefix}${key}.`) : [`${prefix}${key}`]));
}

const at = (value: object, path: string): unknown => path.split('.').reduce<unknown>((object, key) => (object as Record<string, unknown>)[key], value);

it.runIf(capabilities !== null)("capabilities is this OS's row with the public fields only, as a copy", () => {
  const row = matrix[platform];
  const fields = [...publicFields().keys()];
  expect(leafPaths(capabilities!)).toEqual(fields);
  for (const path of fields) expect(at(capabilities!, path), path).toEqual(at(row, path));
  expect(capabilities!.pid).not.toBe(row.pid);
});

it('docs/api.md lists every public field of capabilities, in order, with its type', () => {
  const section = read('../../../docs/api.md').split('### What `capabilities` holds\n')[1]?.split('\n### ')[0] ?? '';
  const listed = [...section.matchAll(/^- `([\w.]+)` \(`(.+?)`\): /gm)].map((match) => [match[1], match[2]]);
  expect(listed).toEqual([...publicFields()]);
});

describe.runIf(platform === 'linux')('the README example of "Branch on capabilities, not on the OS"', () => {
  it('compiles as TypeScript, and stops a peer through its process handle on Linux 6.5+, else by its pid', { timeout: 60_000 }, () => {
    const code = /## Branch on capabilities, not on the OS\n[\s\S]*?```ts\n([\s\S]*?)```/.exec(read('../README.md'))?.[1];
    expect(code, 'packages/unix-cred/README.md has the section and its ts block').toBeDefined();
    // A project of the user's: an ES module package with `unix-cred` in its node_modules.
    const dir = mkdtempSync(join(tmpdir(), 'unix-cred-readme-'));
    const link = join(dir, 'node_modules', 'unix-cred');
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(packageDir, link, 'dir');
    try {
      writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
      const example = join(dir, 'example.ts');
      writeFileSync(example, code!);
      const config = ts.parseJsonConfigFileContent(ts.readConfigFile(join(packageDir, '../../tsconfig.base.json'), ts.sys.readFile).config, ts.sys, dir);
      const program = ts.createProgram([example], { ...config.options, noEmit: true, typeRoots: [join(packageDir, 'node_modules/@types')] });
      const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      expect(diagnostics).toEqual([]);

      writeFileSync(join(dir, 'example.mjs'), ts.transpileModule(code!, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText);
      // A server calls stopPeer on the connection of a child, which lives as long as its connection.
      const main = `
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import { stopPeer } from './example.mjs';
const path = process.argv[2];
const server = net.createServer().listen(path);
await once(server, 'listening');
const peer = spawn(process.execPath, ['-e', 'require("node:net").connect(process.argv[1])', path], { stdio: 'ignore' });
const [socket] = await once(server, 'connection');
const how = stopPeer(socket);
const [, signal] = await once(peer, 'exit');
socket.destroy();
server.close();
console.log(JSON.stringify({ how, signal }));`;
      writeFileSync(join(dir, 'main.mjs'), main);
      const result = spawnSync(process.execPath, [join(dir, 'main.mjs'), join(dir, 'server.sock')], { encoding: 'utf8', timeout: 30_000 });
      expect(result.stderr).toBe('');
      const [major = 0, minor = 0] = release().split('.').map(Number);
      const pidfd = matrix.linux.processHandle !== null && (major > 6 || (major === 6 && minor >= 5));
      expect(JSON.parse(result.stdout)).toEqual({ how: pidfd ? 'process handle' : 'pid', signal: 'SIGTERM' });
    } finally {
      unlinkSync(link);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
