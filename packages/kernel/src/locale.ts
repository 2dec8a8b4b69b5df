// The module alone, not core's index: this file is part of the browser-safe entry (browser.ts).
import { LosslabError } from '@losslab/core/lib/errors';

/** The languages the helper's chart and progress text can be in: English (default) or Chinese. */
export type Locale = 'en' | 'zh';

/** The locales, in the order they were added. */
export const LOCALES: readonly Locale[] = ['en', 'zh'];

/**
 * Every text the helper writes for a reader (chart titles, axis labels, legend, notes, summary
 * and progress lines, table headers), in one language. Numbers come formatted; a message only
 * places them, so both languages show the same figures.
 */
export interface Messages {
  /** Default title of a loss curve. */
  trainingLoss: string;
  /** Default axis labels of a loss curve. */
  step: string;
  loss: string;
  /** A run without a name: `run 1`. */
  runName(index: number): string;
  /** The minimum marked on a single curve: `min 0.2643 at step 57`. */
  minAt(loss: string, step: number): string;
  /** The same in a legend entry, shorter: ` (min 0.2643 at 57)`. */
  legendMin(loss: string, step: number): string;
  /** Suffix of a run's validation curve in the legend. */
  validation: string;
  /** The divergence marker: `diverged at step 3`. */
  divergedAt(step: number): string;
  /** How a live run whose cell was interrupted ended: `interrupted at step 40`. */
  interruptedAt(step: number): string;
  /** A live chart's state: `running, last update 17:23:05 UTC`. */
  lastUpdate(time: string): string;
  /** A live chart whose frames stopped coming: `no update for 3 min`. */
  noUpdateFor(amount: number, unit: 's' | 'min' | 'h'): string;
  /** The end mark of a run that stopped by a rule before its step limit: `threshold at step 41`. */
  stoppedAt(reason: string, step: number): string;
  /** A summary of a quantity that is not a loss (no best): `lr: 300 steps, final 0.001, from 0 to 0.5`. */
  summaryValues(r: {
    name: string;
    steps: number;
    final: string | null;
    low: string;
    high: string;
  }): string;
  /** The x axis in relative wall-clock time. */
  elapsedSeconds: string;

  /** Notes on a log chart. */
  noPositiveLoss: string;
  nonPositiveHidden(count: number): string;
  noDataYet: string;
  /** One run in a summary line: `gd: 3 steps, final 2, min 1 at step 2 (maxSteps)`. */
  summaryRun(run: {
    name: string;
    steps: number;
    final: string | null;
    min: { loss: string; step: number } | null;
    divergedAt?: number;
    stopReason: string;
  }): string;
  /** Separator between runs of a summary line. */
  listSeparator: string;
  /** Between a run's name and what is said of it: `sgd: diverged at step 3`. */
  nameSeparator: string;
  /** A progress line: `adam  step 250/1000  loss 0.01235  500 steps/s  ETA 1.5 s`. */
  progress(state: {
    label: string;
    step: number;
    maxSteps: number;
    loss: string;
    rate: string | null;
    eta: string | null;
    doneIn: string | null;
    /** How a run that did not finish by its rule stopped (with `doneIn`): replaces "done in". */
    stopped?: string | null;
  }): string;
  /** Loss surface: default title, level tooltips, start and end of the path, summary. */
  lossSurface: string;
  levelLabel(loss: string): string;
  pathStart: string;
  pathEnd(x: string, y: string): string;
  surfaceSummary(title: string, xLabel: string, yLabel: string): string;
  surfacePath(points: number, x: string, y: string): string;
  /** Loss shapes: chart titles, the x axis and the summary. */
  lossAtTarget(y: string): string;
  gradientAtTarget(y: string): string;
  prediction: string;
  shapesSummary(y: string, names: readonly string[]): string;
  /** History table: column headers, the default caption and the best row's mark. */
  learningRate: string;
  gradNorm: string;
  history: string;
  bestLoss: string;
  bestMark: string;
  /** A registry loss's name (`name` is core's English one, kept when there is no other). */
  lossName(id: string, name: string): string;
  /** A registry word: a loss's kind ('regression') or what it takes ('logits', 'class-index'). */
  term(word: string): string;
}

const en: Messages = {
  trainingLoss: 'Training loss',
  step: 'step',
  loss: 'loss',
  runName: (i) => `run ${i}`,
  minAt: (loss, step) => `min ${loss} at step ${step}`,
  legendMin: (loss, step) => ` (min ${loss} at ${step})`,
  validation: ' (validation)',
  divergedAt: (step) => `diverged at step ${step}`,
  interruptedAt: (step) => `interrupted at step ${step}`,
  lastUpdate: (time) => `running, last update ${time}`,
  noUpdateFor: (n, unit) => `no update for ${n} ${unit}`,
  stoppedAt: (reason, step) => `${reason} at step ${step}`,
  summaryValues: (r) =>
    `${r.name}: ${r.steps} steps, final ${r.final ?? 'not finite'}, from ${r.low} to ${r.high}`,
  elapsedSeconds: 'time (s)',

  noPositiveLoss: 'no positive loss: linear scale instead of log',
  nonPositiveHidden: (n) => `${n} values <= 0 not shown on the log scale`,
  noDataYet: 'no data yet',
  summaryRun: (r) =>
    `${r.name}: ${r.steps} steps, final ${r.final ?? 'not finite'}, ` +
    `${r.min === null ? 'no finite loss' : `min ${r.min.loss} at step ${r.min.step}`}` +
    `${r.divergedAt === undefined ? '' : `, diverged at step ${r.divergedAt}`} (${r.stopReason})`,
  listSeparator: '; ',
  nameSeparator: ': ',
  progress: (s) =>
    `${s.label === '' ? '' : `${s.label}  `}step ${s.step}/${s.maxSteps}  loss ${s.loss}  ` +
    `${s.rate ?? '-'} steps/s  ` +
    (s.doneIn === null
      ? `ETA ${s.eta ?? '?'}`
      : s.stopped
        ? `${s.stopped} after ${s.doneIn}`
        : `done in ${s.doneIn}`),
  lossSurface: 'Loss surface',
  levelLabel: (loss) => `loss ${loss}`,
  pathStart: 'start',
  pathEnd: (x, y) => `end (${x}, ${y})`,
  surfaceSummary: (title, x, y) => `${title} over (${x}, ${y})`,
  surfacePath: (n, x, y) => `, path of ${n} points ending at (${x}, ${y})`,
  lossAtTarget: (y) => `Loss at y = ${y}`,
  gradientAtTarget: (y) => `Gradient at y = ${y}`,
  prediction: 'prediction ŷ',
  shapesSummary: (y, names) => `Loss shapes at y = ${y}: ${names.join(', ')}`,
  learningRate: 'learning rate',
  gradNorm: 'grad norm',
  history: 'history',
  bestLoss: 'best loss',
  bestMark: '(best)',
  lossName: (_id, name) => name,
  term: (word) => word,
};

// Standard terms: 损失 (loss), 步 (step), 学习率 (learning rate), 梯度 (gradient), 发散 (diverge).
const zh: Messages = {
  trainingLoss: '训练损失',
  step: '步数',
  loss: '损失',
  runName: (i) => `运行 ${i}`,
  minAt: (loss, step) => `最小值 ${loss}（第 ${step} 步）`,
  legendMin: (loss, step) => `（最小 ${loss}，第 ${step} 步）`,
  validation: '（验证集）',
  divergedAt: (step) => `第 ${step} 步发散`,
  interruptedAt: (step) => `在第 ${step} 步被中断`,
  lastUpdate: (time) => `训练中，最后更新于 ${time}`,
  noUpdateFor: (n, unit) => `已 ${n} ${{ s: '秒', min: '分钟', h: '小时' }[unit]}没有更新`,
  stoppedAt: (reason, step) => `第 ${step} 步${stopReasonZh(reason)}`,
  summaryValues: (r) =>
    `${r.name}：${r.steps} 步，最终 ${r.final ?? '非有限值'}，范围 ${r.low} 到 ${r.high}`,
  elapsedSeconds: '时间（秒）',

  noPositiveLoss: '没有正的损失值：改用线性坐标',
  nonPositiveHidden: (n) => `${n} 个 <= 0 的值无法画在对数坐标上`,
  noDataYet: '尚无数据',
  summaryRun: (r) =>
    `${r.name}：${r.steps} 步，最终 ${r.final ?? '非有限值'}，` +
    `${r.min === null ? '没有有限的损失值' : `最小 ${r.min.loss}（第 ${r.min.step} 步）`}` +
    `${r.divergedAt === undefined ? '' : `，第 ${r.divergedAt} 步发散`}（${stopReasonZh(r.stopReason)}）`,
  listSeparator: '；',
  nameSeparator: '：',
  progress: (s) =>
    `${s.label === '' ? '' : `${s.label}  `}第 ${s.step}/${s.maxSteps} 步  损失 ${s.loss}  ` +
    `${s.rate ?? '-'} 步/秒  ` +
    (s.doneIn === null
      ? `剩余约 ${s.eta ?? '?'}`
      : s.stopped
        ? `${s.stopped}（用时 ${s.doneIn}）`
        : `用时 ${s.doneIn}`),
  lossSurface: '损失曲面',
  levelLabel: (loss) => `损失 ${loss}`,
  pathStart: '起点',
  pathEnd: (x, y) => `终点 (${x}, ${y})`,
  surfaceSummary: (title, x, y) => `${title}，参数 (${x}, ${y})`,
  surfacePath: (n, x, y) => `，路径共 ${n} 个点，终点 (${x}, ${y})`,
  lossAtTarget: (y) => `y = ${y} 时的损失`,
  gradientAtTarget: (y) => `y = ${y} 时的梯度`,
  prediction: '预测值 ŷ',
  shapesSummary: (y, names) => `y = ${y} 时各损失函数的形状：${names.join('、')}`,
  learningRate: '学习率',
  gradNorm: '梯度范数',
  history: '训练记录',
  bestLoss: '最小损失',
  bestMark: '（最小）',
  lossName: (id, name) => LOSS_NAMES_ZH[id] ?? name,
  term: (word) => TERMS_ZH[word] ?? word,
};

// The core registry's losses (packages/core/src/losses/registry.ts) by their Chinese names.
const LOSS_NAMES_ZH: Record<string, string> = {
  mse: '均方误差',
  mae: '平均绝对误差',
  huber: 'Huber 损失',
  smoothL1: '平滑 L1 损失',
  logCosh: 'Log-cosh 损失',
  quantile: '分位数损失（pinball）',
  msle: '均方对数误差',
  mape: '平均绝对百分比误差',
  poissonNll: '泊松负对数似然',
  gaussianNll: '高斯负对数似然',
  bce: '二元交叉熵',
  bceWithLogits: '二元交叉熵（logits 输入）',
  softmaxCrossEntropy: 'Softmax 交叉熵',
  nll: '负对数似然',
  crossEntropy: '交叉熵 H(p, q)',
  klDiv: 'KL 散度',
  focal: 'Focal 损失',
  hinge: '合页损失（hinge）',
  squaredHinge: '平方合页损失',
  multiMargin: '多类合页损失',
  tweedie: 'Tweedie 偏差',
  cosineSimilarity: '余弦相似度损失',
  softMargin: '软间隔损失',
  multiLabelSoftMargin: '多标签软间隔损失',
  multiLabelMargin: '多标签合页损失',
  multiclassHinge: 'Crammer–Singer 多类合页损失',
  categoricalHinge: '类别合页损失',
  dice: 'Dice 损失',
  tversky: 'Tversky 损失',
  ctc: '连接时序分类（CTC）损失',
  hingeEmbedding: '合页嵌入损失',
  cosineEmbedding: '余弦嵌入损失',
  marginRanking: '间隔排序损失',
  tripletMargin: '三元组间隔损失',
};

const TERMS_ZH: Record<string, string> = {
  regression: '回归',
  classification: '分类',
  similarity: '相似度',
  real: '实数',
  positive: '正数',
  probability: '概率',
  logits: 'logits',
  'log-probability': '对数概率',
  distribution: '概率分布',
  binary01: '0/1 标签',
  'class-index': '类别索引',
  sign: '±1 标签',
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

function stopReasonZh(reason: string): string {
  return STOP_REASONS_ZH[reason] ?? reason;
}

const TABLES: Record<Locale, Messages> = { en, zh };

let current: Locale = 'en';

/**
 * Checks a locale given by a caller: `fn` and `arg` name the function and the argument in the
 * error.
 */
export function checkLocale(locale: unknown, fn: string, arg = 'locale'): Locale {
  if (typeof locale !== 'string' || !(LOCALES as readonly string[]).includes(locale)) {
    throw new LosslabError(
      fn,
      arg,
      `'${arg}' must be one of ${LOCALES.map((l) => `'${l}'`).join(', ')}, got ${String(locale)}`,
    );
  }
  return locale as Locale;
}

/**
 * Sets the language of every chart, summary and progress line drawn from now on in this kernel
 * (once at the top of a notebook); a `locale` option of a single call overrides it. Default
 * `'en'`. Throws a `LosslabError` for a locale it does not know.
 *
 * @example
 * setLocale('zh');
 * messages().divergedAt(3);
 * // '第 3 步发散'
 * setLocale('en');
 */
export function setLocale(locale: Locale): void {
  current = checkLocale(locale, 'setLocale');
}

/**
 * The locale set by `setLocale` (default `'en'`).
 *
 * @example
 * getLocale();
 * // 'en'
 */
export function getLocale(): Locale {
  return current;
}

/**
 * The texts of `locale`, or of the current locale when it is undefined.
 *
 * @example
 * messages('zh').minAt('0.2643', 57);
 * // '最小值 0.2643（第 57 步）'
 */
export function messages(locale?: Locale): Messages {
  return TABLES[locale === undefined ? current : checkLocale(locale, 'messages')];
}
