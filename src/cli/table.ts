/**
 * @module cli/table
 * Plain-text tables for the terminal: left-aligned columns, the widest column shortened
 * with an ellipsis so a row fits the terminal, a rule under the header.
 */

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
  /** Right-align (numbers). */
  right?: boolean;
}

/**
 * @example
 * renderTable([{ n: 'Putin', c: 3 }], [{ header: 'Name', value: r => r.n }, { header: 'Docs', value: r => r.c, right: true }])
 */
export function renderTable<T>(rows: T[], columns: Column<T>[], width = process.stdout.columns || 120): string {
  if (rows.length === 0) return '  (none)\n';
  const cells = rows.map((r) => columns.map((c) => oneLine(c.value(r))));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((row) => row[i].length)));
  const gap = 2;
  let total = widths.reduce((a, b) => a + b, 0) + gap * (columns.length - 1);
  // shrink the widest columns until the table fits (never below 8 characters)
  while (total > width) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest] <= 8) break;
    widths[widest]--;
    total--;
  }
  const fit = (s: string, w: number, right?: boolean) => {
    const t = s.length > w ? s.slice(0, Math.max(0, w - 1)) + '…' : s;
    return right ? t.padStart(w) : t.padEnd(w);
  };
  const line = (vals: string[]) =>
    vals.map((v, i) => fit(v, widths[i], columns[i].right)).join(' '.repeat(gap)).trimEnd();
  return [line(columns.map((c) => c.header)), widths.map((w) => '─'.repeat(w)).join(' '.repeat(gap)), ...cells.map(line)].join('\n') + '\n';
}

function oneLine(v: string | number | null | undefined): string {
  if (v == null) return '–';
  return String(v).replace(/\s+/g, ' ').trim();
}
