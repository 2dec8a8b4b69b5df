// What makes a spreadsheet read a cell as a formula (OWASP "CSV Injection"): a leading =, +, -
// or @, their fullwidth forms (which Excel and LibreOffice also accept), after any spaces; or a
// leading tab, CR or LF. Such a text cell gets a leading ' so it is shown as text.
const FORMULA_START = /^(?:[\t\r\n]|[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/**
 * One CSV text field (run names, series names): RFC 4180 quoting, spreadsheet formulas defused.
 * Numbers are written by the caller as they are, so a negative loss stays a number. Shared by
 * the plugin's CSV button (`curveToCsv`) and `historyCsv`.
 *
 * @example
 * [csvField('a, "b"'), csvField('=1+1')];
 * // ['"a, ""b"""', "'=1+1"]
 */
export function csvField(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
