/** One CSV cell before formatting: null and undefined become an empty field. */
export type CsvValue = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One field per RFC 4180: a field containing a comma, a double quote, CR or LF is wrapped in
 * double quotes, and each double quote inside is doubled. Numbers use JavaScript's plain
 * notation (a dot for decimals); booleans become `true` / `false`.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows joined with commas and CRLF, with a CRLF after the last row too (RFC 4180 allows both). */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
