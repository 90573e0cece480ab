/**
 * CSV per RFC 4180: fields separated by commas, records by CRLF; a field holding a comma, a double
 * quote, CR or LF (or starting or ending with a space) is enclosed in double quotes, inner quotes
 * doubled. A UTF-8 BOM goes first so Excel opens Chinese text correctly.
 *
 * Spreadsheet formula injection: a text field that starts with = + - @ (or a tab or CR) would be run
 * as a formula by Excel; such fields get a leading apostrophe, which Excel hides. Numbers are written
 * as numbers and never prefixed.
 */

export type CsvValue = string | number | boolean | null | undefined;

const BOM = '\ufeff';

function needsGuard(s: string): boolean {
  return /^[=+\-@\t\r]/.test(s);
}

export function csvField(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  let s = v;
  if (needsGuard(s)) s = "'" + s;
  if (/[",\r\n]/.test(s) || /^\s|\s$/.test(s)) return `"${s.replace(/"/g, '""')}"`;
  return s;
}

export function csvRecord(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',');
}

/** Records as CSV text, CRLF after each: a part of a document that csvHead begins. */
export function csvRecords(rows: readonly (readonly CsvValue[])[]): string {
  let s = '';
  for (const r of rows) s += csvRecord(r) + '\r\n';
  return s;
}

/** The start of a CSV document: the BOM (unless off) and the header record. */
export function csvHead(header: readonly string[], options: { bom?: boolean } = {}): string {
  return (options.bom === false ? '' : BOM) + csvRecord(header) + '\r\n';
}

/** Header and rows as one CSV document (BOM first, CRLF after every record). */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[], options: { bom?: boolean } = {}): string {
  return csvHead(header, options) + csvRecords(rows);
}
