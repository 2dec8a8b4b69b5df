import { checkOptions, LosslabError } from '@losslab/core';
import { clipText } from './clipText';
import type { MimeBundle } from './display';
import { displayBundle } from './display';
import { displayWidth, padStartColumns } from './displayWidth';
import { escapeHtml } from './escapeHtml';
import { formatNumber } from './formatNumber';
import type { HistoryLike } from './lossCurvePayload';
import { checkLocale, messages } from './locale';
import type { Locale } from './locale';

/** Options of `historyTable`. */
export interface HistoryTableOptions {
  /** About how many rows (default 10): evenly spaced steps, plus the first, last and best. */
  rows?: number;
  /** Show exactly these 1-based steps instead. */
  steps?: readonly number[];
  /** Language of the headers (default: the one `setLocale` set, else English). */
  locale?: Locale;
}

/** The 0-based indices `historyTable` shows: evenly spaced, with the first, last and best step. */
export function historyTableIndices(
  loss: readonly number[],
  options?: HistoryTableOptions,
): number[] {
  checkOptions('historyTable', options, [
    'rows',
    'steps',
    'locale',
  ] satisfies (keyof HistoryTableOptions)[]);
  const n = loss.length;
  if (options?.steps !== undefined) {
    for (const s of options.steps) {
      if (!Number.isInteger(s) || s < 1 || s > n) {
        throw new LosslabError('historyTable', 'steps', `'steps' has ${s}, outside 1..${n}`);
      }
    }
    return [...new Set(options.steps.map((s) => s - 1))].sort((a, b) => a - b);
  }
  const rows = options?.rows ?? 10;
  if (!Number.isInteger(rows) || rows < 2) {
    throw new LosslabError('historyTable', 'rows', `'rows' must be an integer >= 2, got ${rows}`);
  }
  const set = new Set<number>();
  if (n === 0) {
    return [];
  }
  for (let r = 0; r < rows; r++) {
    set.add(Math.round((r * (n - 1)) / (rows - 1)));
  }
  let best = -1;
  loss.forEach((v, i) => {
    if (Number.isFinite(v) && (best < 0 || v < (loss[best] as number))) {
      best = i;
    }
  });
  if (best >= 0) {
    set.add(best);
  }
  return [...set].sort((a, b) => a - b);
}

/**
 * An HTML table (and its text version) of selected steps of a run: step, loss, learning rate and
 * gradient norm when the history has them; the best step is marked. All text is escaped.
 *
 * @example
 * historyTableBundle({ name: 'gd', loss: [4, 1, 2] }, { rows: 3 }).data['text/plain'];
 * // 'gd\nstep  loss\n   1     4\n   2     1  (best)\n   3     2'
 */
export function historyTableBundle(
  history: HistoryLike,
  options?: HistoryTableOptions,
): MimeBundle {
  if (history === null || typeof history !== 'object' || !Array.isArray(history.loss)) {
    throw new LosslabError('historyTable', 'history', `'history' has no 'loss' array`);
  }
  const { loss } = history;
  const t = messages(
    options?.locale === undefined ? undefined : checkLocale(options.locale, 'historyTable'),
  );
  const idx = historyTableIndices(loss, options);
  const columns: [string, readonly number[]][] = [[t.loss, loss]];
  if (history.learningRate?.length === loss.length) {
    columns.push([t.learningRate, history.learningRate]);
  }
  if (history.gradNorm?.length === loss.length) {
    columns.push([t.gradNorm, history.gradNorm]);
  }
  let best = -1;
  loss.forEach((v, i) => {
    if (Number.isFinite(v) && (best < 0 || v < (loss[best] as number))) {
      best = i;
    }
  });
  const header = [t.step, ...columns.map(([name]) => name)];
  const rows = idx.map((i) => [
    String(i + 1),
    ...columns.map(([, values]) => formatNumber(values[i] as number, 6)),
  ]);
  const title = clipText(history.name ?? t.history);
  const html =
    `<table class="losslab-history"><caption>${escapeHtml(title)}</caption><thead><tr>` +
    header.map((h) => `<th>${escapeHtml(h)}</th>`).join('') +
    `</tr></thead><tbody>` +
    rows
      .map(
        (r, k) =>
          `<tr${idx[k] === best ? ` style="font-weight:bold" title="${escapeHtml(t.bestLoss)}"` : ''}>` +
          r.map((c) => `<td style="text-align:right">${escapeHtml(c)}</td>`).join('') +
          `</tr>`,
      )
      .join('') +
    `</tbody></table>`;
  // Columns, not characters: a Chinese header takes two columns a character.
  const widths = header.map((h, c) =>
    Math.max(displayWidth(h), ...rows.map((r) => (r[c] as string).length)),
  );
  const line = (cells: string[]): string =>
    cells.map((s, c) => padStartColumns(s, widths[c] as number)).join('  ');
  const text = [
    title,
    line(header),
    ...rows.map((r, k) => line(r) + (idx[k] === best ? `  ${t.bestMark}` : '')),
  ].join('\n');
  return { data: { 'text/html': html, 'text/plain': text }, metadata: {} };
}

/**
 * Shows `historyTableBundle(history, options)`: a table of selected steps instead of a thousand
 * printed lines.
 *
 * @example
 * historyTable({ name: 'gd', loss: [4, 1, 2] }, { rows: 3 });
 */
export function historyTable(history: HistoryLike, options?: HistoryTableOptions): void {
  displayBundle(historyTableBundle(history, options));
}
