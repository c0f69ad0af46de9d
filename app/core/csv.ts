/**
 * RFC 4180 CSV with a UTF-8 BOM so that Excel opens Vietnamese text correctly. Cells starting with
 * = + - @ are prefixed with ' to stop formula injection when the file is opened in a spreadsheet.
 */
export function toCsv(header: string[], rows: unknown[][]): string {
  const cell = (value: unknown) => {
    if (value === null || value === undefined) return ''
    let text = String(value)
    if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
  }
  const lines = [header, ...rows].map((row) => row.map(cell).join(','))
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}
