/* eslint-disable @typescript-eslint/no-explicit-any -- code evaluated in the page reaches JupyterLab's app object, which has no types here. */
// Kernel > Interrupt during a live fit in real JupyterLab: once the cell has stopped, neither the
// plugin's chart nor the progress line may still claim the run is going.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/launchChromium';

// @ts-expect-error -- plain ES module without types, shared with `npm start`
import { installInto, startLab } from '../../scripts/lab.mjs';

const REPO = resolve(__dirname, '..', '..');
const ARTIFACTS = join(REPO, 'test', 'artifacts');
const WORK = join(ARTIFACTS, `interrupt-${process.pid}`);

const CELL = `import { fit, linearRegression, makeArticleData, sgd } from '@losslab/core';
import { liveLossCurve, progress } from '@losslab/kernel';
// Endless: only the interrupt ends it.
fit(linearRegression({ features: 1 }), makeArticleData(), {
  optimizer: sgd(0.001), maxSteps: 1e12, name: 'endless',
  callbacks: [liveLossCurve({ title: 'Interrupted run' }), progress()],
});`;

let lab: { base: string; token: string; stop(): Promise<void> };
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(WORK, { recursive: true });
  writeFileSync(
    join(WORK, 'endless.ipynb'),
    JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {
        kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' },
        language_info: { name: 'typescript' },
      },
      cells: [
        {
          id: 'c0',
          cell_type: 'code',
          metadata: {},
          execution_count: null,
          outputs: [],
          source: CELL,
        },
      ],
    }),
  );
  installInto(join(WORK, '.jupyter'));
  lab = await startLab({ notebookDir: WORK, stateDir: join(WORK, '.jupyter') });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.goto(`${lab.base}/lab/tree/endless.ipynb?token=${lab.token}`);
  await page.waitForSelector('.jp-Notebook .jp-Cell', { timeout: 60_000 });
  await page.waitForFunction(
    () =>
      (window as any).jupyterapp?.shell.currentWidget?.sessionContext?.session?.kernel?.status ===
      'idle',
    undefined,
    { timeout: 60_000, polling: 100 },
  );
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await lab?.stop();
  rmSync(WORK, { recursive: true, force: true });
});

describe('Kernel > Interrupt during a live fit', () => {
  it('leaves a chart and a progress line that say interrupted, not running', async () => {
    const done = page.evaluate(() =>
      (window as any).jupyterapp.commands.execute('notebook:run-cell'),
    );
    const summary = page.locator('.jp-LossCurve-summary');
    // Drawing while it trains.
    await expect.poll(() => summary.textContent(), { timeout: 60_000 }).toMatch(/\(running\)/);
    await page.waitForTimeout(1500);
    await page.evaluate(() => (window as any).jupyterapp.commands.execute('kernelmenu:interrupt'));
    await done;
    await page.waitForFunction(
      () =>
        (window as any).jupyterapp.shell.currentWidget.sessionContext.session.kernel.status ===
        'idle',
      undefined,
      { timeout: 60_000, polling: 100 },
    );
    const text = String(await summary.textContent());
    expect(text).toMatch(/^endless: \d+ steps, .* \(interrupted at step \d+\)$/);
    expect(text).not.toMatch(/running/);
    const steps = /: (\d+) steps/.exec(text)?.[1];
    const bar = await page
      .locator('.jp-OutputArea-output[data-mime-type="text/plain"]')
      .allTextContents();
    expect(bar.join('\n')).toContain(`interrupted at step ${steps}`);
    await page.screenshot({ path: join(ARTIFACTS, 'interrupt-after.png') });
  }, 120_000);
});
