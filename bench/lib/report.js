// Formatting of the bench's figures: one padded markdown table format, for the terminal and for results.md.

export const ns = (x) => {
  if (x == null) return '-';
  const size = Math.abs(x);
  if (size < 1e4) return `${Math.round(x).toLocaleString('en-US')} ns`;
  if (size < 1e6) return `${(x / 1e3).toFixed(1)} µs`;
  return `${(x / 1e6).toFixed(1)} ms`;
};

export const perSecond = (x) => {
  if (x == null) return '-';
  if (x >= 1e6) return `${(x / 1e6).toFixed(2)} M/s`;
  return `${(x / 1e3).toFixed(0)} k/s`;
};

export const times = (x) => (x == null ? '-' : `${x.toFixed(2)}x`);

export const megabytes = (bytes) => `${bytes >= 0 ? '+' : ''}${(bytes / 2 ** 20).toFixed(1)} MB`;

/** A table (first line the header) as markdown padded to column width; `right` marks right-aligned columns. */
export function markdownTable(lines, right) {
  const widths = lines[0].map((_, i) => Math.max(3, ...lines.map((line) => line[i].length)));
  const row = (cells) => `| ${cells.map((cell, i) => (right[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (right[i] ? `${'-'.repeat(w + 1)}:` : `${'-'.repeat(w + 2)}`)).join('|')}|`;
  return [row(lines[0]), rule, ...lines.slice(1).map(row)].join('\n');
}
