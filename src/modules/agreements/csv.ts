/**
 * CSV for spreadsheet users in Finland: semicolon-separated (the list separator of Finnish and Swedish
 * Excel), CRLF line ends, UTF-8 with a byte order mark, every field quoted. Cells that a spreadsheet would
 * run as a formula (= + - @ and tab/CR) get a leading apostrophe.
 */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  const cell = (v: string | number | null) => {
    let s = v === null ? '' : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return `"${s.replace(/"/g, '""')}"`;
  };
  return '\uFEFF' + rows.map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}
