import type { CurveRun } from '@losslab/kernel';

/**
 * The words the plugin adds around a chart (toolbar, trace names, hover, summary), in the
 * language the payload's `options.locale` names. The kernel helper's own texts are in its
 * `locale.ts`; the plugin imports the payload's types only, so it keeps its few words here.
 */
export interface PluginText {
  logY: string;
  logYTitle: string;
  lr: string;
  lrTitle: string;
  smoothing: string;
  pngTitle: string;
  csvTitle: string;
  /** A trace's name with a suffix: validation, learning rate. */
  validation(name: string): string;
  learningRateTrace(name: string): string;
  learningRateAxis: string;
  /** Plotly hover templates (`%{…}` are plotly's placeholders). */
  hover: string;
  hoverSmoothed: string;
  hoverLr: string;
  /**
   * The summary line of one run under the chart. `now` (ms since the epoch) dates a live run's
   * last frame: past `STALE_MS` it says "no update for …" rather than "running".
   */
  summaryRun(
    run: Pick<
      CurveRun,
      'name' | 'steps' | 'final' | 'min' | 'stopReason' | 'stopMessage' | 'updatedAt'
    >,
    now?: number,
  ): string;
}

/**
 * A live run whose last frame is older than this is not called running: its kernel was
 * interrupted, died, or is busy in code that cannot draw (30 s: ten times the slowest frame
 * interval of a long synchronous run's first minutes).
 */
export const STALE_MS = 30_000;

/** '45 s', '3 min', '2 h': how long ago, roughly. */
function ago(ms: number, units: readonly [string, string, string]): string {
  const s = Math.round(ms / 1000);
  if (s < 120) {
    return `${s} ${units[0]}`;
  }
  const min = Math.round(s / 60);
  return min < 120 ? `${min} ${units[1]}` : `${Math.round(min / 60)} ${units[2]}`;
}

/** How a run stands: its stop reason, or what an error, an interrupt or a stale frame says. */
function standing(
  run: Pick<CurveRun, 'stopReason' | 'stopMessage' | 'updatedAt'>,
  now: number | undefined,
  reasons: Record<string, string>,
  noUpdateFor: (age: string) => string,
  units: readonly [string, string, string],
): string {
  if ((run.stopReason === 'error' || run.stopReason === 'interrupted') && run.stopMessage) {
    return run.stopMessage;
  }
  if (run.stopReason === 'running' && run.updatedAt !== undefined && now !== undefined) {
    const age = now - run.updatedAt;
    if (age > STALE_MS) {
      return noUpdateFor(ago(age, units));
    }
  }
  return reasons[run.stopReason] ?? run.stopReason;
}

function formatLoss(value: number | null, notFinite: string): string {
  return value === null ? notFinite : value.toPrecision(4);
}

const en: PluginText = {
  logY: 'Log y',
  logYTitle: 'Switch the y axis between log and linear',
  lr: 'LR',
  lrTitle: 'Show the learning rate on a second y axis',
  smoothing: 'Smoothing ',
  pngTitle: 'Download the chart as a PNG image',
  csvTitle: 'Download the curves as CSV',
  validation: (name) => `${name} (validation)`,
  learningRateTrace: (name) => `${name} (learning rate)`,
  learningRateAxis: 'learning rate',
  hover: '%{fullData.name}<br>step %{x}<br>loss %{y:.6g}<extra></extra>',
  hoverSmoothed: '%{fullData.name} (smoothed)<br>step %{x}<br>loss %{y:.6g}<extra></extra>',
  hoverLr: '%{fullData.name}<br>step %{x}<br>lr %{y:.4g}<extra></extra>',
  summaryRun: (run, now) => {
    const best = run.min
      ? `, best ${formatLoss(run.min.loss, 'not finite')} at step ${run.min.step}`
      : '';
    const how = standing(run, now, {}, (age) => `no update for ${age}`, ['s', 'min', 'h']);
    const stop = how ? ` (${how})` : '';
    return `${run.name}: ${run.steps} steps, final ${formatLoss(run.final, 'not finite')}${best}${stop}`;
  },
};

const STOP_REASONS_ZH: Record<string, string> = {
  threshold: '达到阈值',
  maxSteps: '达到迭代上限',
  earlyStopping: '提前停止',
  diverged: '发散',
  callback: '回调停止',
  running: '训练中',
  error: '出错停止',
  interrupted: '被中断',
};

const zh: PluginText = {
  logY: '对数 y',
  logYTitle: '在对数坐标与线性坐标之间切换 y 轴',
  lr: '学习率',
  lrTitle: '在第二个 y 轴上显示学习率',
  smoothing: '平滑 ',
  pngTitle: '把图表下载为 PNG 图片',
  csvTitle: '把曲线数据下载为 CSV',
  validation: (name) => `${name}（验证集）`,
  learningRateTrace: (name) => `${name}（学习率）`,
  learningRateAxis: '学习率',
  hover: '%{fullData.name}<br>第 %{x} 步<br>损失 %{y:.6g}<extra></extra>',
  hoverSmoothed: '%{fullData.name}（平滑）<br>第 %{x} 步<br>损失 %{y:.6g}<extra></extra>',
  hoverLr: '%{fullData.name}<br>第 %{x} 步<br>学习率 %{y:.4g}<extra></extra>',
  summaryRun: (run, now) => {
    const best = run.min
      ? `，最小 ${formatLoss(run.min.loss, '非有限值')}（第 ${run.min.step} 步）`
      : '';
    const how = standing(run, now, STOP_REASONS_ZH, (age) => `已 ${age}没有更新`, [
      '秒',
      '分钟',
      '小时',
    ]);
    const stop = how ? `（${how}）` : '';
    return `${run.name}：${run.steps} 步，最终 ${formatLoss(run.final, '非有限值')}${best}${stop}`;
  },
};

/**
 * The plugin's words in `locale` (a payload's `options.locale`): Chinese for `'zh'`, English for
 * anything else, absent included.
 *
 * @example
 * pluginText('zh').logY; // '对数 y'
 */
export function pluginText(locale: string | undefined): PluginText {
  return locale === 'zh' ? zh : en;
}
