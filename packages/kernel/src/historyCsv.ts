import { LosslabError } from '@losslab/core';

import { csvField } from './csvField';
import type { HistoryLike } from './lossCurvePayload';

/**
 * The whole history of every run as CSV, one row per recorded step (every step, or every
 * `stride`-th of a thinned history): `run,step,loss,learning_rate,grad_norm,val_loss` and one
 * column per metric (`metrics`, then `val_` + name for `valMetrics`). A value that is not
 * finite or not recorded is an empty field; names are quoted and defused for spreadsheets
 * (`csvField`). This is the complete data behind a chart, whose payload (and the plugin's CSV
 * button) holds a thinned selection of at most `maxPoints` points.
 *
 * @example
 * historyCsv({ name: 'sgd', loss: [1, 0.5], learningRate: [0.1, 0.1] });
 * // 'run,step,loss,learning_rate,grad_norm,val_loss\r\nsgd,1,1,0.1,,\r\nsgd,2,0.5,0.1,,\r\n'
 */
export function historyCsv(histories: HistoryLike | readonly HistoryLike[]): string {
  const list: readonly HistoryLike[] = Array.isArray(histories)
    ? histories
    : [histories as HistoryLike];
  list.forEach((h, i) => {
    if (h === null || typeof h !== 'object' || !Array.isArray(h.loss)) {
      throw new LosslabError('historyCsv', 'histories', `'histories[${i}]' has no 'loss' array`);
    }
  });
  const metrics = [...new Set(list.flatMap((h) => Object.keys(h.metrics ?? {})))];
  const valMetrics = [...new Set(list.flatMap((h) => Object.keys(h.valMetrics ?? {})))];
  const num = (v: number | undefined): string =>
    v !== undefined && Number.isFinite(v) ? String(v) : '';
  const rows = [
    [
      'run,step,loss,learning_rate,grad_norm,val_loss',
      ...metrics.map(csvField),
      ...valMetrics.map((m) => csvField(`val_${m}`)),
    ].join(','),
  ];
  list.forEach((h, r) => {
    const name = csvField(String(h.name ?? `run ${r + 1}`));
    const stride = h.stride !== undefined && h.stride >= 1 ? h.stride : 1;
    // Validation values at their own steps, joined to the row of the same step.
    const val = new Map<number, number>();
    (h.valStep ?? []).forEach((step, k) => val.set(step, k));
    for (let i = 0; i < h.loss.length; i++) {
      const step = i * stride + 1;
      const k = val.get(step);
      rows.push(
        [
          name,
          step,
          num(h.loss[i]),
          num(h.learningRate?.[i]),
          num(h.gradNorm?.[i]),
          num(k === undefined ? undefined : h.valLoss?.[k]),
          ...metrics.map((m) => num(h.metrics?.[m]?.[i])),
          ...valMetrics.map((m) => num(k === undefined ? undefined : h.valMetrics?.[m]?.[k])),
        ].join(','),
      );
    }
  });
  return rows.join('\r\n') + '\r\n';
}
