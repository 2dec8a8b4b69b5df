import type { LossCurvePayload } from '@losslab/kernel';

// What makes a spreadsheet read a cell as a formula (OWASP "CSV Injection"): a leading =, +, -
// or @, their fullwidth forms (which Excel and LibreOffice also accept), after any spaces; or a
// leading tab, CR or LF. Such a text cell gets a leading ' so it is shown as text.
const FORMULA_START = /^(?:[\t\r\n]|[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/**
 * One CSV text field (run names): RFC 4180 quoting, spreadsheet formulas defused. Numbers are
 * written by the caller as they are, so a negative loss stays a number.
 */
function csvField(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The curves of a payload as CSV in long form, one row per point: `run,series,step,loss`, where
 * `series` is `train` or `val`. A null loss is an empty field.
 *
 * @example
 * curveToCsv({ version: 1, options: { logY: false, smoothing: 0, title: '', xLabel: 'step', yLabel: 'loss' },
 *   runs: [{ name: 'sgd', points: [[0, 1], [1, null]], steps: 2, final: null, min: null, stopReason: 'maxSteps' }] });
 * // 'run,series,step,loss\r\nsgd,train,0,1\r\nsgd,train,1,\r\n'
 */
export function curveToCsv(payload: LossCurvePayload): string {
  const rows = ['run,series,step,loss'];
  for (const run of payload.runs) {
    const name = csvField(run.name);
    for (const [series, pts] of [
      ['train', run.points],
      ['val', run.valPoints ?? []],
    ] as const) {
      for (const [step, loss] of pts) {
        rows.push(`${name},${series},${step},${loss === null ? '' : loss}`);
      }
    }
  }
  return rows.join('\r\n') + '\r\n';
}
