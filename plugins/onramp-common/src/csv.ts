/**
 * One CSV cell (RFC 4180), safe from spreadsheet formula injection: a cell
 * that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed
 * with `'` so spreadsheets show it as text instead of running it.
 *
 * @public
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole CSV document: a header row and data rows, CRLF line ends.
 * Numbers are written as numbers; every text cell goes through `csvCell`.
 *
 * @public
 */
export function toCsv(
  header: string[],
  rows: Array<Array<string | number | null | undefined>>,
): string {
  return [header, ...rows]
    .map(row => row.map(csvCell).join(','))
    .join('\r\n')
    .concat('\r\n');
}
