/**
 * The words of the plugin's toolbar, in the language the payload's `options.locale` names. What
 * the chart itself says (trace names, marks, notes, summary) comes from the kernel's `chartSpec`
 * in the same locale.
 */
export interface PluginText {
  logY: string;
  logYTitle: string;
  lr: string;
  lrTitle: string;
  smoothing: string;
  pngTitle: string;
  csvTitle: string;
  /** The "ignore outliers" toggle of the y scale. */
  outliers: string;
  outliersTitle: string;
  /** The x-axis toggle between steps and wall-clock time. */
  time: string;
  timeTitle: string;
}

const en: PluginText = {
  logY: 'Log y',
  logYTitle: 'Switch the y axis between log and linear',
  lr: 'LR',
  lrTitle: "Show each run's learning rate in a panel under the loss",
  smoothing: 'Smoothing ',
  pngTitle: 'Download the chart as a PNG image',
  csvTitle: 'Download the curves as CSV',
  outliers: 'Ignore outliers',
  outliersTitle: 'Scale y to the bulk of the values, not to a diverged run',
  time: 'Time x',
  timeTitle: 'Switch the x axis between steps and seconds since each run started',
};

const zh: PluginText = {
  logY: '对数 y',
  logYTitle: '在对数坐标与线性坐标之间切换 y 轴',
  lr: '学习率',
  lrTitle: '在损失下方的面板中显示每次运行的学习率',
  smoothing: '平滑 ',
  pngTitle: '把图表下载为 PNG 图片',
  csvTitle: '把曲线数据下载为 CSV',
  outliers: '忽略离群值',
  outliersTitle: '按大部分数值确定 y 轴范围，不受发散运行的影响',
  time: '时间 x',
  timeTitle: '在步数与自每次运行开始以来的秒数之间切换 x 轴',
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
