/** CSV as RFC 4180 says (comma, CRLF, quotes doubled), UTF-8 with a byte order mark for spreadsheets. */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';

/** Cells a spreadsheet would run as a formula start with one of these (OWASP "CSV injection"). */
const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvDocument(header: readonly string[], rows: readonly (readonly (string | number | undefined | null)[])[]): string {
  return `\ufeff${[header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('')}`;
}
