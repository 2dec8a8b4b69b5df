/* eslint-disable @typescript-eslint/no-explicit-any -- code evaluated in the page reaches JupyterLab's app object and plotly's graph div, neither of which has types here. */
// Deno's Jupyter kernel in the real JupyterLab that `npm start` serves, driven by apt's Chromium:
// the launcher offers both kernels, and a notebook on Deno draws a live loss curve with the plugin
// while the cell trains, ending on the final history. Screenshots go to test/artifacts/.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kernelIdle, watchConsoleErrors } from '../support/labPage';
import { launchChromium } from '../support/launchChromium';

// @ts-expect-error -- plain ES module without types, shared with `npm start`
import { installInto, startLab } from '../../scripts/lab.mjs';

const REPO = resolve(__dirname, '..', '..');
const ARTIFACTS = join(REPO, 'test', 'artifacts');
// Inside the repo, so that Deno finds the repo's deno.json and node_modules from the notebook.
const WORK = join(ARTIFACTS, `deno-${process.pid}`);
const NOTEBOOK = 'deno-live.ipynb';

// About 3 s of the article's training through core's fit with the live curve; a second callback
// stands in for a slow model (10 ms a step). The result is the cell's last expression: Deno sends
// it as an execute_result before its idle status, while a console.log line may come after it
// (see scripts/nb_execute.py) and JupyterLab drops what comes after idle.
const LIVE_CELL = `import { fit, linearRegression, makeArticleData, sgd } from '@losslab/core';
import { liveLossCurve } from '@losslab/kernel';
const slowModel = { onStep(): void { const until = Date.now() + 10; while (Date.now() < until) { /* busy */ } } };
const run = fit(linearRegression({ features: 1 }), makeArticleData(), {
  optimizer: sgd(0.02),
  maxSteps: 300,
  threshold: 0,
  name: 'live gd on Deno',
  callbacks: [liveLossCurve({ throttleMs: 100, title: 'Live run on Deno' }), slowModel],
});
'FINAL ' + JSON.stringify({ steps: run.history.steps, final: run.history.loss[run.history.steps - 1] });`;

interface Lab {
  base: string;
  token: string;
  stop(): Promise<void>;
}

let lab: Lab;
let browser: Browser;
let page: Page;
let consoleErrors: string[] = [];
const serverLog: string[] = [];

const PLOT = '.jp-Notebook .jp-Cell:nth-child(1) .jp-LossCurve-plot';

beforeAll(async () => {
  mkdirSync(WORK, { recursive: true });
  writeFileSync(
    join(WORK, NOTEBOOK),
    JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: 'deno', display_name: 'Deno', language: 'typescript' } },
      cells: [
        {
          id: 'cell-0',
          cell_type: 'code',
          metadata: {},
          execution_count: null,
          outputs: [],
          source: LIVE_CELL,
        },
      ],
    }),
  );
  installInto(join(WORK, '.jupyter'));
  lab = await startLab({
    notebookDir: WORK,
    stateDir: join(WORK, '.jupyter'),
    log: (line: string) => serverLog.push(line),
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  consoleErrors = watchConsoleErrors(page);
});

afterAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, 'deno-server.log'), serverLog.join('\n'));
  await browser?.close();
  await lab?.stop();
  rmSync(WORK, { recursive: true, force: true });
});

describe("Deno's kernel in JupyterLab 4.6.4", () => {
  it('the launcher offers both TypeScript kernels, tslab and Deno', async () => {
    await page.goto(`${lab.base}/lab?token=${lab.token}`);
    await page.waitForSelector('.jp-LauncherCard', { timeout: 60_000 });
    const cards = await page.$$eval('.jp-LauncherCard', (els) =>
      els.map((el) => el.getAttribute('title') ?? el.textContent ?? ''),
    );
    expect(cards.some((t) => /\bDeno\b/.test(t))).toBe(true);
    expect(cards.some((t) => /\bTypeScript\b/.test(t))).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'deno-1-launcher.png') });
  });

  it('draws a live curve with the plugin while the cell trains, ending on the final history', async () => {
    await page.goto(`${lab.base}/lab/tree/${NOTEBOOK}?token=${lab.token}`);
    await page.waitForSelector('.jp-Notebook .jp-Cell', { timeout: 60_000 });
    await kernelIdle(page);
    const kernelName = await page.evaluate(
      () => (window as any).jupyterapp.shell.currentWidget.sessionContext.session.kernel.name,
    );
    expect(kernelName).toBe('deno');
    let done = false;
    const running = page
      .evaluate(async () => {
        const app = (window as any).jupyterapp;
        app.shell.currentWidget.content.activeCellIndex = 0;
        await app.commands.execute('notebook:run-cell');
      })
      .finally(() => {
        done = true;
      });
    // notebook:run-cell resolves when the cell is done: sample the chart while it is pending.
    const samples: number[] = [];
    while (!done) {
      const n = await page.$$eval(PLOT, (els: any[]) => els[0]?.data?.[0]?.x.length ?? 0);
      if (n > 0) {
        samples.push(n);
      }
      await page.waitForTimeout(150);
    }
    await running;
    await kernelIdle(page);
    console.log(`[browser] Deno live: point counts sampled while training: ${samples.join(' ')}`);
    const distinct = [...new Set(samples)];
    expect(distinct.length).toBeGreaterThanOrEqual(3);
    expect(distinct).toEqual([...distinct].sort((a, b) => a - b));

    // The result may come just after the idle status (see scripts/nb_execute.py): wait for it.
    const shown = await page.waitForSelector(
      '.jp-Notebook .jp-Cell:nth-child(1) .jp-OutputArea-output[data-mime-type="text/plain"]',
      { timeout: 10_000 },
    );
    const result = await shown.textContent();
    const final = JSON.parse(/FINAL (\{.*\})/.exec(result ?? '')?.[1] ?? 'null') as {
      steps: number;
      final: number;
    };
    const last = await page.$eval(PLOT, (gd: any) => ({
      x: gd.data[0].x.at(-1),
      y: gd.data[0].y.at(-1),
      n: gd.data[0].x.length,
    }));
    expect(final.steps).toBe(300);
    expect(last).toEqual({ x: 300, y: Number(final.final.toPrecision(7)), n: 300 });
    await page.screenshot({ path: join(ARTIFACTS, 'deno-2-live-final.png') });
  });

  it('logged no unexpected console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
