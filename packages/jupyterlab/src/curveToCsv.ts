import { csvField } from '@losslab/kernel/lib/browser';
import type { CurvePoint, LossCurvePayload } from '@losslab/kernel/lib/browser';

/** True when the payload holds fewer points than some run's steps: the chart's selection. */
export function isThinned(payload: LossCurvePayload): boolean {
  return payload.runs.some((run) => run.points.length < run.steps);
}

/**
 * The curves of a payload as CSV in long form, one row per point: `run,series,step,value`, where
 * `series` is `train`, `val`, `lr`, a metric's name or `val ` and its name. A null value is an
 * empty field; names are defused for spreadsheets (`csvField`). A payload holds at most a few
 * hundred points per chart; when that is fewer than a run's steps, the first line says so:
 * `# thinned: …`, with the way to the whole history (`historyCsv` in the notebook).
 *
 * @example
 * curveToCsv({ version: 1, options: { logY: false, smoothing: 0, title: '', xLabel: 'step', yLabel: 'loss' },
 *   runs: [{ name: 'sgd', points: [[0, 1], [1, null]], steps: 2, final: null, min: null, stopReason: 'maxSteps' }] });
 * // 'run,series,step,value\r\nsgd,train,0,1\r\nsgd,train,1,\r\n'
 */
export function curveToCsv(payload: LossCurvePayload): string {
  const rows: string[] = [];
  if (isThinned(payload)) {
    const kept = payload.runs.map((r) => `${r.points.length} of ${r.steps}`).join(', ');
    rows.push(
      `# thinned: the chart's points only (${kept} steps per run); the whole history of every ` +
        `run: historyCsv(history) from @losslab/kernel in the notebook`,
    );
  }
  rows.push('run,series,step,value');
  for (const run of payload.runs) {
    const name = csvField(run.name);
    const series: [string, readonly CurvePoint[]][] = [
      ['train', run.points],
      ['val', run.valPoints ?? []],
      ['lr', run.learningRate ?? []],
    ];
    for (const m of run.metrics ?? []) {
      series.push([m.name, m.points], [`val ${m.name}`, m.valPoints ?? []]);
    }
    for (const [label, pts] of series) {
      const field = csvField(label);
      for (const [step, value] of pts) {
        rows.push(`${name},${field},${step},${value === null ? '' : value}`);
      }
    }
  }
  return rows.join('\r\n') + '\r\n';
}
