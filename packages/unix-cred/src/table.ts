/** Renders rows as a plain-text table with a header line, columns padded to their widest cell. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  return [line(header, widths), line(widths.map((width) => '-'.repeat(width)), widths), ...rows.map((row) => line(row, widths))].join('\n');
}

/**
 * A table printed a row at a time, for output that streams: `head` is the header and its rule, `row`
 * formats one row. Columns are as wide as `widths` (or their title); a longer cell pushes the rest along.
 */
export function streamingTable(header: readonly string[], widths: readonly number[]): { head: string; row: (cells: readonly string[]) => string } {
  const columns = header.map((title, column) => Math.max(title.length, widths[column] ?? 0));
  return {
    head: `${line(header, columns)}\n${line(columns.map((width) => '-'.repeat(width)), columns)}`,
    row: (cells) => line(cells, columns),
  };
}

function line(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
}

/** A group list for a table cell. */
export function formatGroups(groups: readonly number[] | null): string {
  return groups === null ? '(not reported)' : groups.length === 0 ? '(none)' : groups.join(',');
}
