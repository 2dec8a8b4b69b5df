/* eslint-disable @typescript-eslint/no-explicit-any -- code evaluated in the page reaches JupyterLab's app object, its notebook models and plotly's graph divs, none of which has types here. */
// The six notebooks of notebooks/ and their Chinese edition in notebooks/zh/ in the real JupyterLab (the one `npm start` serves), driven by
// apt's Chromium: each is opened, "Run All" runs every cell with the tslab kernel, and then no
// cell failed (tslab reports a failure as an execute_reply with status "error" and the message on
// stderr), no output is an error, and every loss-curve output of the run is drawn by our plugin
// as a plotly chart. One server and one page for all twelve; the notebooks run from copies, and
// are closed without saving, so the committed files never change. Screenshots: test/artifacts/.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/launchChromium';

// @ts-expect-error -- plain ES module without types, shared with `npm start`
import { installInto, startLab } from '../../scripts/lab.mjs';

const REPO = resolve(__dirname, '..', '..');
const NOTEBOOKS = join(REPO, 'notebooks');
const ARTIFACTS = join(REPO, 'test', 'artifacts');
// Inside the repo so that the notebooks' `require('@losslab/...')` finds node_modules, as it does
// from notebooks/.
const WORK = join(ARTIFACTS, `notebooks-${process.pid}`);
const CURVE_MIME = 'application/vnd.losslab.curve.v1+json';

/** Known, harmless console errors of JupyterLab 4.6.4 here (see shared/JUPYTERLAB.md). */
const KNOWN_ERRORS = [/No active debugger session/];
const KNOWN_404 = [/\/lsp\/status/];

/** The notebooks of both editions, by their path under notebooks/ ('04-….ipynb', 'zh/04-….ipynb'). */
const names = ['', 'zh/'].flatMap((edition) =>
  readdirSync(join(NOTEBOOKS, edition))
    .filter((f) => /^\d\d-.*\.ipynb$/.test(f))
    .sort()
    .map((f) => `${edition}${f}`),
);

interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
}

/** The committed notebook's loss-curve outputs: a fresh run in the browser must draw as many. */
function committedCurves(name: string): number {
  const nb = JSON.parse(readFileSync(join(NOTEBOOKS, name), 'utf8')) as {
    cells: { outputs?: Output[] }[];
  };
  return nb.cells
    .flatMap((c) => c.outputs ?? [])
    .filter((o) => o.data !== undefined && CURVE_MIME in o.data).length;
}

interface RunReport {
  ok: boolean;
  codeCells: number;
  replies: string[];
  executed: number;
  errorOutputs: string[];
  stderr: string[];
  curveOutputs: number;
  ms: number;
}

let lab: { base: string; token: string; stop(): Promise<void> };
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const serverLog: string[] = [];
const timings: string[] = [];

async function kernelIdle(): Promise<void> {
  await page.waitForFunction(
    () => {
      const kernel = (window as any).__nb?.sessionContext?.session?.kernel;
      return kernel?.status === 'idle' && kernel?.connectionStatus === 'connected';
    },
    undefined,
    { timeout: 60_000, polling: 100 },
  );
}

/** Opens `path` in the running JupyterLab and waits for its tslab kernel. */
async function open(path: string): Promise<void> {
  await page.evaluate(async (p) => {
    const w = window as any;
    const panel = await w.jupyterapp.commands.execute('docmanager:open', {
      path: p,
      factory: 'Notebook',
    });
    await panel.context.ready;
    await panel.sessionContext.ready;
    panel.addClass('losslab-under-test');
    w.__nb = panel;
  }, path);
  await kernelIdle();
}

/**
 * "Run All" through JupyterLab's own command, counting the kernel's execute replies; then reads
 * the notebook model: outputs of type error, stderr text, and outputs carrying the curve MIME.
 */
async function runAll(): Promise<RunReport> {
  return page.evaluate(async (mime) => {
    const panel = (window as any).__nb;
    const kernel = panel.sessionContext.session.kernel;
    const replies: string[] = [];
    const onMessage = (_: unknown, args: any): void => {
      if (args.direction === 'recv' && args.msg.header.msg_type === 'execute_reply') {
        replies.push(args.msg.content.status);
      }
    };
    kernel.anyMessage.connect(onMessage);
    const t0 = performance.now();
    const ok = await (window as any).jupyterapp.commands.execute('notebook:run-all-cells');
    const ms = performance.now() - t0;
    kernel.anyMessage.disconnect(onMessage);
    const code = panel.content.widgets.filter((c: any) => c.model.type === 'code');
    const outputs: any[] = code.flatMap((c: any) => c.model.outputs.toJSON());
    return {
      ok: ok === true,
      codeCells: code.length,
      replies,
      executed: code.filter((c: any) => c.model.executionCount !== null).length,
      errorOutputs: outputs
        .filter((o) => o.output_type === 'error')
        .map((o) => `${o.ename}: ${o.evalue}`),
      stderr: outputs
        .filter((o) => o.output_type === 'stream' && o.name === 'stderr')
        .map((o) => [].concat(o.text).join('')),
      curveOutputs: outputs.filter((o) => o.data !== undefined && mime in o.data).length,
      ms,
    };
  }, CURVE_MIME);
}

interface Chart {
  traces: number;
  points: number;
  drawnTraces: number;
  drawnLines: number;
}

/** The open notebook's panel (a notebook left open by a failed test must not be looked at). */
const PANEL = '.jp-NotebookPanel.losslab-under-test';

/** Brings each plugin element into view and reads what plotly drew in it. */
async function charts(): Promise<Chart[]> {
  const count = await page.$$eval(`${PANEL} .jp-LossCurve`, (els) => els.length);
  const found: Chart[] = [];
  for (let i = 0; i < count; i++) {
    const plot = page.locator(`${PANEL} .jp-LossCurve .jp-LossCurve-plot`).nth(i);
    // The cell, not the plot: JupyterLab skips the layout of cells out of view (CSS
    // content-visibility), so their plots have no box until the cell is scrolled to.
    await plot.evaluate((el) => el.closest('.jp-Cell')?.scrollIntoView({ block: 'center' }));
    // Plotly is loaded lazily, and the chart is drawn once the output is rendered.
    await plot.locator('.main-svg').first().waitFor({ timeout: 30_000 });
    found.push(
      await plot.evaluate((gd: any) => ({
        traces: (gd.data ?? []).length,
        points: (gd.data ?? []).reduce((n: number, t: any) => n + (t.x?.length ?? 0), 0),
        // What plotly put on the page: a group per trace, and the lines drawn as paths.
        drawnTraces: gd.querySelectorAll('.main-svg .scatterlayer .trace').length,
        drawnLines: [...gd.querySelectorAll('.main-svg .scatterlayer .trace path.js-line')].filter(
          (p: SVGPathElement) => (p.getAttribute('d') ?? '').length > 1,
        ).length,
      })),
    );
  }
  return found;
}

/** Closes the notebook without saving and shuts its kernel down. */
async function closeWithoutSaving(): Promise<void> {
  await page.evaluate(async () => {
    const panel = (window as any).__nb;
    if (panel === undefined) {
      return;
    }
    await panel.sessionContext.shutdown();
    // Not dirty any more: closing asks nothing and writes nothing.
    panel.context.model.dirty = false;
    panel.dispose();
    (window as any).__nb = undefined;
  });
}

/** Run All, then the checks of one notebook (`name` is open in the page). */
async function runAllAndCheck(name: string): Promise<void> {
  const report = await runAll();
  await kernelIdle();
  timings.push(`${name.replace(/-.*/, '')} ${(report.ms / 1000).toFixed(1)} s`);

  expect(report.ok).toBe(true);
  expect(report.errorOutputs).toEqual([]);
  expect(report.stderr).toEqual([]);
  // Every code cell ran once, and the kernel said ok to each.
  expect(report.replies).toEqual(Array(report.codeCells).fill('ok'));
  expect(report.executed).toBe(report.codeCells);

  // As many curves as the committed outputs hold, each one drawn by the plugin with plotly.
  expect(report.curveOutputs).toBe(committedCurves(name));
  const drawn = await charts();
  expect(drawn).toHaveLength(report.curveOutputs);
  for (const chart of drawn) {
    expect(chart.traces).toBeGreaterThan(0);
    expect(chart.points).toBeGreaterThan(1);
    expect(chart.drawnTraces).toBe(chart.traces);
    expect(chart.drawnLines).toBeGreaterThan(0);
  }
  expect(await page.$$eval(`${PANEL} .jp-LossCurve-error`, (els) => els.length)).toBe(0);

  // The first chart (or the top of the notebook when it has none) in the screenshot.
  if (drawn.length > 0) {
    await page.$eval(`${PANEL} .jp-LossCurve`, (el) =>
      el.closest('.jp-Cell')?.scrollIntoView({ block: 'start' }),
    );
  }
  await page.screenshot({
    path: join(ARTIFACTS, `notebook-${name.replace('.ipynb', '').replace('/', '-')}.png`),
  });
}

beforeAll(async () => {
  mkdirSync(join(WORK, 'zh'), { recursive: true });
  for (const name of names) {
    copyFileSync(join(NOTEBOOKS, name), join(WORK, name));
  }
  installInto(join(WORK, '.jupyter'));
  lab = await startLab({
    notebookDir: WORK,
    stateDir: join(WORK, '.jupyter'),
    log: (line: string) => serverLog.push(line),
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (msg: ConsoleMessage) => {
    const where = msg.location().url ?? '';
    if (
      msg.type() === 'error' &&
      !KNOWN_ERRORS.some((re) => re.test(msg.text())) &&
      !KNOWN_404.some((re) => re.test(where))
    ) {
      consoleErrors.push(`${msg.text()} (${where})`);
    }
  });
  page.on('pageerror', (err) => {
    if (!KNOWN_ERRORS.some((re) => re.test(err.message))) {
      consoleErrors.push(`pageerror: ${err.message}`);
    }
  });
  await page.goto(`${lab.base}/lab?token=${lab.token}`);
  await page.waitForFunction(() => (window as any).jupyterapp?.restored !== undefined, undefined, {
    timeout: 60_000,
  });
  await page.evaluate(() => (window as any).jupyterapp.restored);
});

afterAll(async () => {
  writeFileSync(join(ARTIFACTS, 'notebooks-server.log'), serverLog.join('\n'));
  console.log(`[browser] notebooks, Run All to idle: ${timings.join(', ')}`);
  await browser?.close();
  await lab?.stop();
  rmSync(WORK, { recursive: true, force: true });
});

describe('the six notebooks of each edition, Run All in JupyterLab 4.6.4', () => {
  it('finds the six notebooks in English and in Chinese', () => {
    expect(names).toHaveLength(12);
    expect(names.filter((n) => n.startsWith('zh/')).map((n) => n.slice(3))).toEqual(
      names.filter((n) => !n.startsWith('zh/')),
    );
  });

  it.each(names)('%s runs every cell without an error, every loss curve drawn', async (name) => {
    await open(name);
    try {
      await runAllAndCheck(name);
    } finally {
      await closeWithoutSaving();
    }
  });

  it('logged no unexpected console errors, and left the committed notebooks unchanged', () => {
    expect(consoleErrors).toEqual([]);
    for (const name of names) {
      expect(readFileSync(join(WORK, name), 'utf8')).toBe(
        readFileSync(join(NOTEBOOKS, name), 'utf8'),
      );
    }
  });
});
