// The per-OS tables of the README and of this package's JSDoc are the capability matrix (@unix-cred/internal
// src/capabilities.ts) rendered: none can drift from it. After changing the matrix, rewrite them with
// `UNIX_CRED_WRITE_TABLES=1 npx vitest run test/capability-tables.test.ts` (in packages/unix-cred).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { capabilities, type Capabilities } from '@unix-cred/internal';
import { expect, it } from 'vitest';

const rows = Object.values(capabilities);
const groups = ({ groups: g }: Capabilities): string =>
  !g.reported ? 'null' : g.order === 'egid first' ? `at most ${g.limit}, the egid first` : "the kernel's list";
const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;

interface Table {
  file: string;
  /** The header line, which finds the table in the file. */
  header: string;
  /** A line's prefix in the file (' * ' in JSDoc). */
  prefix: string;
  /** The cells the matrix decides; a row may go on with cells of its own (the README's status). */
  cells(row: Capabilities): string[];
}

const tables: Table[] = [
  {
    file: '../../../README.md',
    header: '| OS | package | calls | pid | groups | status |',
    prefix: '',
    cells: (row) => [row.os, `\`${row.package}\``, row.peerCall, row.pid.meaning, groups(row)],
  },
  {
    file: '../src/index.ts',
    header: '| OS | call | pid | groups |',
    prefix: ' * ',
    cells: (row) => [row.os, row.peerCall, row.pid.meaning, groups(row)],
  },
  {
    file: '../src/index.ts',
    header: '| OS | saved ids (`suid`, `sgid`) | file-system ids (`fsuid`, `fsgid`) |',
    prefix: ' * ',
    cells: (row) => [row.os, row.savedIds ?? '`null`: no call gives them', row.fsIds ? 'setfsuid(2), setfsgid(2), asked without changing them' : '`null`'],
  },
];

for (const table of tables) {
  it(`${table.file}: the table "${table.header}" is the capability matrix`, () => {
    const path = fileURLToPath(new URL(table.file, import.meta.url));
    const lines = readFileSync(path, 'utf8').split('\n');
    const start = lines.indexOf(`${table.prefix}${table.header}`.trimEnd());
    expect(start, `${path} has the table ${table.header}`).toBeGreaterThanOrEqual(0);
    let end = start + 2;
    while (lines[end]?.startsWith(`${table.prefix}|`)) end++;
    const body = lines.slice(start + 2, end).map((text) => text.slice(table.prefix.length));
    const decided = table.cells(rows[0]!).length;
    // Cells after the matrix's own are kept, by OS, from what the file has.
    const extra = new Map(body.map((text) => [text.split(' | ')[0]!.slice(2), text.split(' | ').slice(decided).join(' | ')]));
    const expected = rows.map((row) => {
      const more = extra.get(row.os);
      const cells = line(table.cells(row));
      return more === undefined || more === '' ? cells : `${cells.slice(0, -2)} | ${more}`;
    });
    if (process.env.UNIX_CRED_WRITE_TABLES === '1') {
      lines.splice(start + 2, end - start - 2, ...expected.map((text) => `${table.prefix}${text}`));
      writeFileSync(path, lines.join('\n'));
    } else expect(body).toEqual(expected);
  });
}
