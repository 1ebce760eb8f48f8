/** RFC 4180 CSV for spreadsheets: cells quoted when needed, formula injection defused, CRLF lines. */

/**
 * A CSV cell: quoted when it holds a comma, quote or line break; a leading = + - @ (or tab or
 * carriage return) is defused with an apostrophe so a spreadsheet never runs it as a formula.
 */
export function csvCell(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One record, CRLF-terminated (RFC 4180). */
export function csvLine(cells: readonly (string | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
