#!/usr/bin/env node
// Makes a package's dist/index.js one file with the package's own modules in it (from src/index.ts, after tsc),
// so that an import reads, resolves and links one ES module instead of one per source file (each about 3 M
// instructions on Node 20: bench/instructions.js). Other packages and node: builtins stay imports. tsc's files
// of the bundled modules go; their .d.ts stay, for the types. Usage, in a package's build script after tsc:
// node ../../scripts/bundle.js
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { rolldown } from 'rolldown';

const [src, dist] = [resolve('src'), resolve('dist')];
const entry = join(dist, 'index.js');
const bundle = await rolldown({
  input: join(src, 'index.ts'),
  platform: 'node',
  external: (id) => !id.startsWith('.') && !id.startsWith('/'),
  resolve: { extensionAlias: { '.js': ['.ts', '.js'] } },
});
const { output } = await bundle.generate({ format: 'esm', sourcemap: true, comments: false });
await bundle.close();
const [chunk, ...rest] = output.filter((file) => file.type === 'chunk');
if (rest.length > 0) throw new Error(`bundle: ${rest.length} more chunks than the one expected`);
writeFileSync(`${entry}.tmp`, chunk.code);
writeFileSync(`${entry}.map`, chunk.map.toString());
renameSync(`${entry}.tmp`, entry);
const inlined = chunk.moduleIds.filter((id) => id.startsWith(`${src}/`) && id !== join(src, 'index.ts'));
for (const id of inlined) for (const file of ['.js', '.js.map']) rmSync(join(dist, id.slice(src.length + 1).replace(/\.ts$/, file)), { force: true });
console.log(`bundle: dist/index.js with ${inlined.length} modules inlined (${readFileSync(entry).length} bytes)`);
