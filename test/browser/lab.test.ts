/* eslint-disable @typescript-eslint/no-explicit-any -- code evaluated in the page reaches JupyterLab's app object and plotly's graph div, neither of which has types here. */
// The plugin in a real JupyterLab (the one `npm start` serves) driven by apt's Chromium through
// playwright-core: a finished curve, a live one, toolbar, theme, malformed and hostile payloads.
// Screenshots of each step go to test/artifacts/.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/launchChromium';

// @ts-expect-error -- plain ES module without types, shared with `npm start`
import { installInto, startLab } from '../../scripts/lab.mjs';

const REPO = resolve(__dirname, '..', '..');
const ARTIFACTS = join(REPO, 'test', 'artifacts');
// Inside the repo so that the notebook's `require('@losslab/kernel')` finds node_modules.
const WORK = join(ARTIFACTS, `lab-${process.pid}`);
const NOTEBOOK = 'curves.ipynb';

/** Known, harmless console errors of JupyterLab 4.6.4 here (see shared/JUPYTERLAB.md). */
const KNOWN_ERRORS = [/No active debugger session/];
const KNOWN_404 = [/\/lsp\/status/];

const CELLS = [
  // 0: a finished history of 120 steps
  `import { plotLosses } from '@losslab/kernel';
const finished = Array.from({ length: 120 }, (_, i) => 2 / (1 + 0.1 * i) + 0.05 * Math.sin(i));
plotLosses({ name: 'finished', loss: finished }, { title: 'Finished run' });`,
  // 1: about 3 s of the article's training through core's fit, with the live curve; a second
  // callback stands in for a slow model (10 ms a step), so the run lasts long enough to watch.
  `import { fit, linearRegression, makeArticleData, sgd } from '@losslab/core';
import { liveLossCurve } from '@losslab/kernel';
const slowModel = { onStep(): void { const until = Date.now() + 10; while (Date.now() < until) { /* busy */ } } };
const run = fit(linearRegression({ features: 1 }), makeArticleData(), {
  optimizer: sgd(0.02),
  maxSteps: 300,
  threshold: 0,
  name: 'live gd',
  callbacks: [liveLossCurve({ throttleMs: 100, title: 'Live run' }), slowModel],
});
console.log('FINAL ' + JSON.stringify({ steps: run.history.steps, final: run.history.loss[run.history.steps - 1] }));`,
  // 2: a malformed payload straight through tslab's display API
  `import * as tslab from 'tslab';
tslab.display.raw('application/vnd.losslab.curve.v1+json', '{"version":1,"runs":[{"name":"broken"}]}');`,
  // 3: a hostile run name
  `plotLosses({ name: '<script>window.__pwned=1</script>', loss: [3, 2, 1.5, 1.2, 1] });`,
];

function notebook(cells: string[]): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' },
      language_info: { name: 'typescript' },
    },
    cells: cells.map((source, i) => ({
      id: `cell-${i}`,
      cell_type: 'code',
      metadata: {},
      execution_count: null,
      outputs: [],
      source,
    })),
  });
}

interface Lab {
  url: string;
  base: string;
  token: string;
  stop(): Promise<void>;
}

let lab: Lab;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const serverLog: string[] = [];
let firstChartMs = 0;

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `lab-${name}.png`), fullPage: false });
}

/** Runs cell `index` through JupyterLab's own command, as Shift+Enter would. */
async function runCell(index: number): Promise<void> {
  await page.evaluate(async (i) => {
    const app = (window as unknown as { jupyterapp: any }).jupyterapp;
    const panel = app.shell.currentWidget;
    panel.content.activeCellIndex = i;
    await app.commands.execute('notebook:run-cell');
  }, index);
}

async function kernelIdle(): Promise<void> {
  await page.waitForFunction(
    () => {
      const app = (window as unknown as { jupyterapp?: any }).jupyterapp;
      const kernel = app?.shell.currentWidget?.sessionContext?.session?.kernel;
      return kernel?.status === 'idle' && kernel?.connectionStatus === 'connected';
    },
    undefined,
    { timeout: 60_000, polling: 100 },
  );
}

/** The plotly element in the output of cell `index`. */
function plotOf(index: number): string {
  return `.jp-Notebook .jp-Cell:nth-child(${index + 1}) .jp-LossCurve-plot`;
}

async function traceLengths(index: number): Promise<number[]> {
  // The curves, not the marks (a run's minimum, its stop) drawn as their own traces.
  return page.$eval(plotOf(index), (gd: any) =>
    (gd.data ?? [])
      .filter((t: any) => !/-(min|stop|diverged)$/.test(t.uid))
      .map((t: any) => t.x.length),
  );
}

beforeAll(async () => {
  mkdirSync(WORK, { recursive: true });
  writeFileSync(join(WORK, NOTEBOOK), notebook(CELLS));
  installInto(join(WORK, '.jupyter'));
  lab = await startLab({
    notebookDir: WORK,
    stateDir: join(WORK, '.jupyter'),
    log: (line: string) => serverLog.push(line),
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() !== 'error') {
      return;
    }
    const text = msg.text();
    const where = msg.location().url ?? '';
    if (KNOWN_ERRORS.some((re) => re.test(text)) || KNOWN_404.some((re) => re.test(where))) {
      return;
    }
    consoleErrors.push(`${text} (${where})`);
  });
  page.on('pageerror', (err) => {
    if (!KNOWN_ERRORS.some((re) => re.test(err.message))) {
      consoleErrors.push(`pageerror: ${err.message}`);
    }
  });
  await page.goto(`${lab.base}/lab/tree/${NOTEBOOK}?token=${lab.token}`);
  await page.waitForSelector('.jp-Notebook .jp-Cell', { timeout: 60_000 });
  await kernelIdle();
});

afterAll(async () => {
  writeFileSync(join(ARTIFACTS, 'lab-server.log'), serverLog.join('\n'));
  await browser?.close();
  await lab?.stop();
  rmSync(WORK, { recursive: true, force: true });
});

describe('the loss-curve plugin in JupyterLab 4.6.4', () => {
  it('draws a finished history with plotly, and hovering shows step and loss', async () => {
    // (the unified hover: the step as its header, then each run's name and value)
    const t0 = Date.now();
    await runCell(0);
    await page.waitForSelector(`${plotOf(0)} .main-svg`, { timeout: 60_000 });
    firstChartMs = Date.now() - t0;
    expect(await traceLengths(0)).toEqual([120]);
    await kernelIdle();

    // Move the mouse onto the 60th point (step 60), where plotly shows its hover label.
    const box = await page.$eval(plotOf(0), (gd: any) => {
      const l = gd._fullLayout;
      const r = gd.getBoundingClientRect();
      const x = gd.data[0].x[59];
      const y = gd.data[0].y[59];
      return {
        x: r.left + l._size.l + l.xaxis.l2p(x),
        y: r.top + l._size.t + l.yaxis.l2p(y),
        step: x,
        loss: y,
      };
    });
    await page.mouse.move(box.x, box.y);
    const hover = await page.waitForSelector(`${plotOf(0)} .hoverlayer .legend`, {
      timeout: 10_000,
    });
    const text = await hover.textContent();
    // The kernel's formatNumber(loss, 4), as the SVG and the summary write numbers.
    const four = Number(box.loss.toPrecision(4));
    expect(text).toBe(`step ${box.step}finished: ${four}`);
    await shot('1-finished-hover-light');
    await page.mouse.move(5, 5);
  });

  it('redraws a live curve in place while the cell trains; the last chart is the final history', async () => {
    await page.evaluate(() => {
      const w = window as any;
      w.__iopub = [];
      w.jupyterapp.shell.currentWidget.sessionContext.session.kernel.iopubMessage.connect(
        (_: unknown, msg: any) => w.__iopub.push([msg.header.msg_type, Date.now()]),
      );
    });
    const t0 = Date.now();
    // notebook:run-cell resolves when the cell is done: sample the chart while it is pending.
    let done = false;
    const running = runCell(1).finally(() => {
      done = true;
    });
    const samples: number[] = [];
    while (!done) {
      const n = await page.$$eval(plotOf(1), (els: any[]) => els[0]?.data?.[0]?.x.length ?? 0);
      if (n > 0) {
        samples.push(n);
      }
      await page.waitForTimeout(150);
    }
    await running;
    await kernelIdle();
    const arrivals = await page.evaluate(() =>
      (window as any).__iopub
        .filter((m: any) => m[0].endsWith('display_data'))
        .map((m: any) => m[1]),
    );
    console.log(
      `[browser] live: ${arrivals.length} display messages from ${arrivals[0] - t0} to ${arrivals.at(-1) - t0} ms; ` +
        `point counts sampled while training: ${samples.join(' ')}`,
    );
    const distinct = [...new Set(samples)];
    expect(distinct.length).toBeGreaterThanOrEqual(3);
    expect(distinct).toEqual([...distinct].sort((a, b) => a - b));
    const final = JSON.parse(
      (await page.textContent(
        '.jp-Notebook .jp-Cell:nth-child(2) .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stdout"]',
      ))!
        .replace(/^.*FINAL /s, '')
        .trim(),
    );
    const last = await page.$eval(plotOf(1), (gd: any) => ({
      x: gd.data[0].x.at(-1),
      y: gd.data[0].y.at(-1),
      n: gd.data[0].x.length,
    }));
    expect(last.x).toBe(final.steps);
    // The kernel helper draws losses with 7 significant digits.
    expect(last.y).toBe(Number(final.final.toPrecision(7)));
    expect(last.n).toBe(300);
    await shot('2-live-final-light');
  });

  it('changes the chart with the log toggle and the smoothing slider', async () => {
    const sel = plotOf(0);
    const before = await page.$eval(sel, (gd: any) => ({
      type: gd._fullLayout.yaxis.type,
      traces: gd.data.map((t: any) => t.uid),
    }));
    expect(before).toEqual({ type: 'linear', traces: ['run-0-raw', 'run-0-min'] });
    await page.click('.jp-Notebook .jp-Cell:nth-child(1) .jp-LossCurve-log');
    await page.waitForFunction(
      (s) => (document.querySelector(s) as any)._fullLayout.yaxis.type === 'log',
      sel,
    );
    await page.$eval('.jp-Notebook .jp-Cell:nth-child(1) .jp-LossCurve-smoothing', (el) => {
      (el as HTMLInputElement).value = '0.8';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction(
      (s) => (document.querySelector(s) as any).data[1].uid === 'run-0-smooth',
      sel,
    );
    const after = await page.$eval(sel, (gd: any) => ({
      raw: gd.data[0].y.slice(0, 5),
      smooth: gd.data[1].y.slice(0, 5),
      opacity: gd.data[0].opacity,
    }));
    expect(after.smooth).not.toEqual(after.raw);
    expect(after.smooth[0]).toBeCloseTo(after.raw[0], 12);
    expect(after.opacity).toBeLessThan(1);
    await shot('3-log-smoothing-light');

    // The live run carries its learning rate: the toggle draws it in a panel under the loss.
    const live = plotOf(1);
    await page.click('.jp-Notebook .jp-Cell:nth-child(2) .jp-LossCurve-lr');
    await page.waitForFunction(
      (s) => (document.querySelector(s) as any).data.some((t: any) => t.yaxis === 'y2'),
      live,
    );
    const lr = await page.$eval(live, (gd: any) => ({
      y: gd.data.find((t: any) => t.yaxis === 'y2').y.slice(0, 2),
      below: gd._fullLayout.yaxis2.domain[1] < gd._fullLayout.yaxis.domain[0],
    }));
    expect(lr).toEqual({ y: [0.02, 0.02], below: true });
  });

  it('shows a malformed payload as readable text and a hostile run name as text only', async () => {
    await runCell(2);
    const error = await page.waitForSelector(
      '.jp-Notebook .jp-Cell:nth-child(3) .jp-LossCurve-error',
      {
        timeout: 60_000,
      },
    );
    expect(await error.textContent()).toBe(
      "Cannot draw this loss curve: parsePayload: 'runs[0].points' must be an array of [step, loss] pairs",
    );
    await kernelIdle();
    await runCell(3);
    await page.waitForSelector(`${plotOf(3)} .main-svg`, { timeout: 60_000 });
    await kernelIdle();
    // One run: no legend; the name reaches plotly escaped (its hover shows it as text).
    const name = await page.$eval(plotOf(3), (gd: any) => gd.data[0].meta);
    expect(name).toBe('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    const summary = await page.textContent(
      '.jp-Notebook .jp-Cell:nth-child(4) .jp-LossCurve-summary',
    );
    expect(summary).toContain('<script>window.__pwned=1</script>: 5 steps');
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(await page.$$eval('.jp-Notebook script', (els) => els.length)).toBe(0);
    await page.$eval('.jp-Notebook .jp-Cell:nth-child(3)', (el) => el.scrollIntoView());
    await shot('4-error-and-hostile-name-light');
  });

  it('follows the theme: dark theme, dark chart background', async () => {
    const background = (): Promise<string> =>
      page.$eval(`${plotOf(0)} .main-svg`, (svg) => getComputedStyle(svg).backgroundColor);
    const light = await background();
    await page.evaluate(() =>
      (window as any).jupyterapp.commands.execute('apputils:change-theme', {
        theme: 'JupyterLab Dark',
      }),
    );
    await page.waitForFunction(() => document.body.dataset.jpThemeLight === 'false', undefined, {
      timeout: 30_000,
    });
    await page.waitForFunction(
      ([s, before]) =>
        getComputedStyle(document.querySelector(`${s} .main-svg`)!).backgroundColor !== before,
      [plotOf(0), light] as const,
      { timeout: 10_000 },
    );
    // JupyterLab shows its splash over the page while it swaps the theme CSS.
    await page.waitForSelector('#jupyterlab-splash', { state: 'detached', timeout: 30_000 });
    const dark = await background();
    const expected = await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.style.backgroundColor = 'var(--jp-layout-color0)';
      document.body.appendChild(probe);
      const c = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return c;
    });
    expect(dark).not.toBe(light);
    expect(dark).toBe(expected);
    await page.$eval('.jp-Notebook .jp-Cell:nth-child(1)', (el) => el.scrollIntoView());
    await shot('5-finished-dark');
    await page.$eval('.jp-Notebook .jp-Cell:nth-child(2)', (el) => el.scrollIntoView());
    await shot('6-live-dark');
  });

  it('logged no unexpected console errors', () => {
    console.log(`[browser] time to first chart (run cell -> plotly drawn): ${firstChartMs} ms`);
    expect(consoleErrors).toEqual([]);
  });
});
