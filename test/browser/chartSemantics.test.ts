/* eslint-disable @typescript-eslint/no-explicit-any -- code evaluated in the page reaches JupyterLab's app object and plotly's graph div, neither of which has types here. */
// One chart, drawn the same everywhere (issue 11), in a real JupyterLab 4.6.4 with the plugin:
// for each chart the plugin's plotly drawing shows the same tick labels, legend entries, marks,
// notes and summary as the SVG of the same output (its text/html, what every other viewer
// shows); the legend lies below the plot, clear of curves and axes, at full width and at 320 px;
// a unified hover lists every visible run at the step under the mouse, raw and smoothed; hiding
// a run in the legend hides all its lines and marks; the dark theme draws light text.
// Screenshots (light, dark, narrow) go to test/artifacts/chart-*.png.
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
const WORK = join(ARTIFACTS, `chart-${process.pid}`);
const NOTEBOOK = 'charts.ipynb';

const CELLS = [
  // 0: the run: a NaN at step 3, minimum 0.5 at step 5, log scale
  `import { plotLosses } from '@losslab/kernel';
plotLosses({ name: 'manual', loss: [4, 2, NaN, 1, 0.5] }, { logY: true });`,
  // 1: four learning rates, one diverging, with learning rates and validation, smoothed
  `const decay = (n: number, a: number, r: number): number[] =>
  Array.from({ length: n }, (_, i) => a * r ** i * (1 + 0.05 * Math.sin(i)));
const lrOf = (lr: number, n: number): number[] => Array.from({ length: n }, () => lr);
plotLosses(
  [
    { name: 'lr 0.01', loss: decay(200, 4, 0.995), learningRate: lrOf(0.01, 200) },
    { name: 'lr 0.1', loss: decay(200, 4, 0.97), learningRate: lrOf(0.1, 200),
      valLoss: [2, 0.5, 0.2, 0.1], valStep: [50, 100, 150, 200] },
    { name: 'lr 0.5', loss: decay(200, 4, 0.9), learningRate: lrOf(0.5, 200) },
    { name: 'lr 1.05', loss: [...decay(30, 4, 1.6), NaN], learningRate: lrOf(1.05, 31), stopReason: 'diverged' },
  ],
  { logY: true, smoothing: 0.6, title: 'Same loss, four learning rates' },
);`,
  // 2: accuracy beside the loss, training and validation
  `plotLosses(
  { name: 'classifier', loss: decay(80, 1.5, 0.97),
    metrics: { accuracy: Array.from({ length: 80 }, (_, i) => 0.5 + 0.45 * (1 - 0.96 ** i)) },
    valMetrics: { accuracy: [0.7, 0.85, 0.9] }, valLoss: [0.9, 0.5, 0.4], valStep: [20, 50, 80] },
  { title: 'Loss and accuracy' },
);`,
  // 3: an error and an interrupt
  `plotLosses(
  [
    { name: 'poisson', loss: decay(41, 3, 0.95), stopReason: 'error',
      stopMessage: "stopped by an error at step 41: poissonNllLoss: 'pred' has -1 at index 3" },
    { name: 'live', loss: decay(40, 3, 0.97), stopReason: 'interrupted', stopMessage: 'interrupted at step 40' },
  ],
  { logY: true, title: 'Runs that did not finish' },
);`,
  // 4: a loss surface with a path (the second MIME type)
  `import { lossSurface } from '@losslab/kernel';
lossSurface((w: number, b: number) => (w - 2) ** 2 + 0.5 * (b - 3) ** 2 + 0.1, {
  xRange: [0, 4], yRange: [1, 5], levels: 8,
  path: [[0.5, 1.5], [1.2, 2.2], [1.8, 2.8], [2, 3]], pathName: 'gd', title: 'A bowl',
});`,
];
const CURVES = 4;

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

let lab: { base: string; token: string; stop(): Promise<void> };
let browser: Browser;
let page: Page;
let consoleErrors: string[] = [];

const plotOf = (i: number): string =>
  `.jp-Notebook .jp-Cell:nth-child(${i + 1}) .jp-LossCurve-plot`;

async function shot(name: string): Promise<void> {
  // The notebook lays out scrolled-to cells a moment later (windowing): let it settle.
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(ARTIFACTS, `chart-${name}.png`) });
}

/** What the SVG of output `i` (its text/html image) and the plugin's drawing of it show. */
async function bothViews(i: number): Promise<{ svg: any; plot: any }> {
  return page.evaluate(
    ([index, sel]) => {
      const app = (window as any).jupyterapp;
      const cell = app.shell.currentWidget.content.model.cells.get(index);
      const html: string = cell.outputs.get(0).data['text/html'];
      const b64 = /base64,([A-Za-z0-9+/=]+)/.exec(html)![1]!;
      const xml = new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
      const doc = new DOMParser().parseFromString(xml, 'image/svg+xml');
      const own = (el: Element): string =>
        Array.from(el.childNodes)
          .filter((n) => n.nodeType === 3)
          .map((n) => n.textContent)
          .join('');
      const inner = doc.documentElement.querySelector('svg')!;
      const legend = Array.from(inner.children).find(
        (el) => el.tagName === 'g' && el.attributes.length === 0 && el.querySelector('line'),
      );
      const svg = {
        yTicks: Array.from(inner.querySelectorAll('g[data-ticks^="y"]')).map((g) =>
          Array.from(g.querySelectorAll('text')).map(own),
        ),
        xTicks: Array.from(inner.querySelectorAll('g[data-ticks="x"] text')).map(own),
        legend: legend ? Array.from(legend.querySelectorAll('text')).map(own) : [],
        marks: Array.from(inner.querySelectorAll('[data-mark]')).map(
          (m) => `${m.getAttribute('data-mark')}: ${m.querySelector('title')!.textContent}`,
        ),
        markLabels: Array.from(inner.querySelectorAll('text[data-label]')).map(own),
        notes: Array.from(inner.querySelectorAll('text[data-note]')).map(
          (t) => t.querySelector('title')!.textContent,
        ),
        summary: cell.outputs.get(0).data['text/plain'] as string,
      };
      const gd = document.querySelector(sel) as any;
      const axes = Object.keys(gd._fullLayout)
        .filter((k) => /^yaxis\d*$/.test(k))
        .sort((a, b) => Number(a.slice(5) || 1) - Number(b.slice(5) || 1));
      const tickTexts = (axis: string): string[] =>
        Array.from(gd.querySelectorAll(`.${axis.replace('axis', '')}tick text`)).map(
          (t: any) => t.textContent,
        );
      const plot = {
        yTicks: axes.map((a) => tickTexts(a)),
        xTicks: tickTexts('xaxis'),
        legend: Array.from(gd.querySelectorAll('.legend .legendtext')).map(
          (t: any) => t.textContent,
        ),
        marks: gd.data
          .filter((t: any) => /-(min|stop|diverged)$/.test(t.uid))
          .map((t: any) => `${t.uid.replace(/^run-\d+-/, '')}: ${t.name}`),
        markLabels: Array.from(gd.querySelectorAll('.scatterlayer .textpoint text'))
          .map((t: any) => t.textContent)
          .filter((t: string) => t !== ''),
        notes: Array.from(gd.querySelectorAll('.annotation-text')).flatMap((t: any) =>
          Array.from(t.querySelectorAll('tspan.line')).map((l: any) => l.textContent),
        ),
        summary: (
          document.querySelector(sel)!.parentElement!.querySelector('.jp-LossCurve-summary')!
            .textContent ?? ''
        ).split('\n'),
      };
      return { svg, plot };
    },
    [i, plotOf(i)] as const,
  );
}

/** The legend's box, the plot area's (all panels) and the tick labels' boxes of output `i`. */
async function boxes(i: number): Promise<any> {
  return page.$eval(plotOf(i), (gd: any) => {
    const r = (el: Element): { left: number; right: number; top: number; bottom: number } => {
      const b = el.getBoundingClientRect();
      return { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
    };
    const plots = Array.from(gd.querySelectorAll('.nsewdrag')).map((e: any) => r(e));
    return {
      svg: r(gd.querySelector('.main-svg')),
      legend: gd.querySelector('.legend') ? r(gd.querySelector('.legend .bg')) : null,
      plots,
      labels: Array.from(
        gd.querySelectorAll(
          '.xtick text, .ytick text, .y2tick text, .y3tick text, .g-xtitle, .g-ytitle, .g-y2title',
        ),
      ).map((e: any) => r(e)),
      title: gd.querySelector('.gtitle') ? r(gd.querySelector('.gtitle')) : null,
    };
  });
}

/** The summary under chart `i`: shown whole (not cut at the right), below the plot, above the next cell. */
async function expectSummaryWhole(i: number): Promise<void> {
  const s = await page.$eval(plotOf(i), (gd: any) => {
    const pre = gd.parentElement.querySelector('.jp-LossCurve-summary') as HTMLElement;
    const cell = gd.closest('.jp-Cell') as HTMLElement;
    const next = cell.nextElementSibling as HTMLElement | null;
    return {
      text: pre.textContent ?? '',
      height: pre.getBoundingClientRect().height,
      top: pre.getBoundingClientRect().top,
      bottom: pre.getBoundingClientRect().bottom,
      plotBottom: gd.getBoundingClientRect().bottom,
      svgBottom: gd.querySelector('.main-svg').getBoundingClientRect().bottom,
      nextTop: next ? next.getBoundingClientRect().top : Infinity,
      scroll: pre.scrollWidth,
      client: pre.clientWidth,
    };
  });
  expect(s.text.length).toBeGreaterThan(0);
  // The plot's element holds its whole drawing (its svg does not spill over the summary).
  expect(s.svgBottom).toBeLessThanOrEqual(s.plotBottom + 0.5);
  expect(s.height).toBeGreaterThan(10);
  expect(s.top).toBeGreaterThanOrEqual(s.plotBottom - 0.5);
  expect(s.bottom).toBeLessThanOrEqual(s.nextTop + 0.5);
  expect(s.scroll).toBeLessThanOrEqual(s.client + 1);
}

function overlaps(a: any, b: any): boolean {
  return (
    a.left < b.right - 0.5 &&
    b.left < a.right - 0.5 &&
    a.top < b.bottom - 0.5 &&
    b.top < a.bottom - 0.5
  );
}

function expectLegendClear(b: any): void {
  expect(b.legend).not.toBeNull();
  for (const p of b.plots) {
    expect(overlaps(b.legend, p)).toBe(false);
  }
  for (const l of b.labels) {
    expect(overlaps(b.legend, l)).toBe(false);
  }
  // Inside the chart's own drawing, not cut by its edges.
  expect(b.legend.left).toBeGreaterThanOrEqual(b.svg.left - 0.5);
  expect(b.legend.right).toBeLessThanOrEqual(b.svg.right + 0.5);
  expect(b.legend.bottom).toBeLessThanOrEqual(b.svg.bottom + 0.5);
}

beforeAll(async () => {
  mkdirSync(WORK, { recursive: true });
  writeFileSync(join(WORK, NOTEBOOK), notebook(CELLS));
  installInto(join(WORK, '.jupyter'));
  lab = await startLab({ notebookDir: WORK, stateDir: join(WORK, '.jupyter'), log: () => {} });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  consoleErrors = watchConsoleErrors(page);
  await page.goto(`${lab.base}/lab/tree/${NOTEBOOK}?token=${lab.token}`);
  await page.waitForSelector('.jp-Notebook .jp-Cell', { timeout: 60_000 });
  await kernelIdle(page);
  await page.evaluate(() => (window as any).jupyterapp.commands.execute('notebook:run-all-cells'));
  for (let i = 0; i < CURVES; i++) {
    await page.waitForSelector(`${plotOf(i)} .main-svg`, { timeout: 90_000 });
  }
  await kernelIdle(page);
});

afterAll(async () => {
  await browser?.close();
  await lab?.stop();
  rmSync(WORK, { recursive: true, force: true });
});

describe('one chart semantics in JupyterLab', () => {
  it('shows in the plugin the ticks, legend, marks, notes and summary of the SVG, for every chart', async () => {
    for (let i = 0; i < CURVES; i++) {
      const { svg, plot } = await bothViews(i);
      expect(plot.yTicks, `chart ${i} y ticks`).toEqual(svg.yTicks);
      expect(plot.xTicks, `chart ${i} x ticks`).toEqual(svg.xTicks);
      expect(plot.legend, `chart ${i} legend`).toEqual(svg.legend);
      expect(plot.marks, `chart ${i} marks`).toEqual(svg.marks);
      expect(plot.markLabels, `chart ${i} mark labels`).toEqual(svg.markLabels);
      expect(plot.notes, `chart ${i} notes`).toEqual(svg.notes);
      // text/plain is the title, then the same run summaries.
      expect(svg.summary).toContain(plot.summary.join('; '));
    }
    const first = await bothViews(0);
    expect(first.plot.marks).toEqual(['min: min 0.5 at step 5', 'diverged: diverged at step 3']);
    // Log tick labels are values: never '3' for 0.3, no 'µ' or 'k' suffix.
    for (const t of first.plot.yTicks[0]) {
      expect(Number(t.replace(/,/g, ''))).toBeGreaterThan(0);
    }
    await page.$eval('.jp-Notebook .jp-Cell:nth-child(2)', (el) => el.scrollIntoView());
    await shot('1-four-lrs-light');
  });

  it('keeps the legend below the plot, clear of curves, axes and labels', async () => {
    // With the learning-rate panel too.
    await page.click('.jp-Notebook .jp-Cell:nth-child(2) .jp-LossCurve-lr');
    await page.waitForFunction(
      (s) => (document.querySelector(s) as any)._fullLayout.yaxis2 !== undefined,
      plotOf(1),
    );
    for (let i = 0; i < CURVES; i++) {
      const b = await boxes(i);
      if (i > 0) {
        expectLegendClear(b);
      }
    }
    await page.$eval('.jp-Notebook .jp-Cell:nth-child(2)', (el) => el.scrollIntoView());
    await shot('2-four-lrs-lr-panel-light');
  });

  it('hovers every visible run at one step, raw and smoothed; hiding a run hides all its lines', async () => {
    const sel = plotOf(1);
    const hoverAt = async (step: number): Promise<string> => {
      const at = await page.$eval(
        sel,
        (gd: any, s: number) => {
          const l = gd._fullLayout;
          const r = gd.getBoundingClientRect();
          return { x: r.left + l._size.l + l.xaxis.l2p(s), y: r.top + l._size.t + 40 };
        },
        step,
      );
      await page.mouse.move(5, 5);
      await page.mouse.move(at.x, at.y);
      const box = await page.waitForSelector(`${sel} .hoverlayer .legend`, { timeout: 10_000 });
      return (await box.textContent()) ?? '';
    };
    const text = await hoverAt(20);
    for (const run of ['lr 0.01', 'lr 0.1', 'lr 0.5', 'lr 1.05']) {
      // The faint raw line and the smoothed one: name: value, and name (0.6): value.
      expect(text).toMatch(new RegExp(`${run.replace('.', '\\.')}: [0-9]`));
      expect(text).toMatch(new RegExp(`${run.replace('.', '\\.')} \\(0\\.6\\): [0-9]`));
    }
    // Validation is evaluated every 50 steps: at step 50 it is listed with the others.
    expect(await hoverAt(50)).toMatch(/lr 0\.1 \(validation\): [0-9]/);
    await shot('3-unified-hover-light');
    await page.mouse.move(5, 5);

    // Hide 'lr 1.05' from its legend entry: its loss, smoothed, learning rate and marks all go.
    const items = await page.$$(`${sel} .legend .traces`);
    const names = await Promise.all(items.map((it) => it.textContent()));
    await items[names.findIndex((n) => n?.startsWith('lr 1.05'))]!.click();
    await page.waitForFunction(
      (s) =>
        (document.querySelector(s) as any).data
          .filter((t: any) => t.legendgroup === 'run-3')
          .every((t: any) => t.visible === 'legendonly'),
      sel,
    );
    const groups = await page.$eval(sel, (gd: any) =>
      gd.data.filter((t: any) => t.legendgroup === 'run-3').map((t: any) => t.uid),
    );
    expect(groups).toEqual(
      expect.arrayContaining(['run-3-raw', 'run-3-smooth', 'run-3-lr', 'run-3-diverged']),
    );
    expect(await hoverAt(20)).not.toContain('lr 1.05');
    expect(await hoverAt(20)).toContain('lr 0.5');
    await shot('4-hidden-run-light');
    await page.mouse.move(5, 5);
  });

  it('scales y to the bulk with "ignore outliers": the diverged run no longer flattens the rest', async () => {
    const sel = plotOf(1);
    const top = (): Promise<number> =>
      page.$eval(sel, (gd: any) => Math.pow(10, gd._fullLayout.yaxis.range[1]));
    const before = await top();
    await page.click('.jp-Notebook .jp-Cell:nth-child(2) .jp-LossCurve-outliers');
    await page.waitForFunction(
      ([s, b]) => Math.pow(10, (document.querySelector(s) as any)._fullLayout.yaxis.range[1]) < b,
      [sel, before] as const,
    );
    expect(await top()).toBeLessThan(before / 10);
    await shot('5-ignore-outliers-light');
  });

  it('draws a loss surface with its colour bar, the loss on hover and the path', async () => {
    const sel = '.jp-Notebook .jp-Cell:nth-child(5) .jp-LossSurface-plot';
    await page.waitForSelector(`${sel} .main-svg`, { timeout: 60_000 });
    await page.$eval(sel, (el) => el.scrollIntoView());
    const bar = await page.$$eval(`${sel} .colorbar .cbaxis text, ${sel} .colorbar text`, (ts) =>
      ts.map((t) => t.textContent),
    );
    expect(bar).toContain('loss');
    const at = await page.$eval(sel, (gd: any) => {
      const l = gd._fullLayout;
      const r = gd.getBoundingClientRect();
      return { x: r.left + l._size.l + l.xaxis.l2p(3), y: r.top + l._size.t + l.yaxis.l2p(3) };
    });
    await page.mouse.move(at.x, at.y);
    const hover = await page.waitForSelector(`${sel} .hoverlayer .hovertext`, { timeout: 10_000 });
    // The loss at (3, 3) is (3-2)^2 + 0.1 = 1.1.
    expect(await hover.textContent()).toMatch(/loss 1\.1(?![0-9])/);
    await shot('5b-surface-hover-light');
    await page.mouse.move(5, 5);
  });

  it('is usable at 320 px: legend below, title whole, nothing overlapping', async () => {
    await page.evaluate(async () => {
      const app = (window as any).jupyterapp;
      if (!app.shell.leftCollapsed) {
        app.shell.collapseLeft();
      }
    });
    await page.setViewportSize({ width: 320, height: 900 });
    await page.waitForFunction(
      (s) => (document.querySelector(s) as HTMLElement).getBoundingClientRect().width < 320,
      plotOf(1),
    );
    // The redraw after a resize settles 100 ms later.
    await page.waitForTimeout(800);
    for (let i = 1; i < CURVES; i++) {
      const b = await boxes(i);
      expectLegendClear(b);
      expect(b.svg.right - b.svg.left).toBeLessThanOrEqual(320);
      if (b.title) {
        expect(b.title.left).toBeGreaterThanOrEqual(b.svg.left);
        expect(b.title.right).toBeLessThanOrEqual(b.svg.right + 0.5);
      }
      await expectSummaryWhole(i);
    }
    await page.$eval('.jp-Notebook .jp-Cell:nth-child(2)', (el) => el.scrollIntoView());
    await shot('6-narrow-light');
    await page.$eval('.jp-Notebook .jp-Cell:nth-child(3)', (el) => el.scrollIntoView());
    await shot('7-narrow-metrics-light');
  });

  it('draws light text on the dark theme, at 320 px and at full width', async () => {
    await page.evaluate(() =>
      (window as any).jupyterapp.commands.execute('apputils:change-theme', {
        theme: 'JupyterLab Dark',
      }),
    );
    await page.waitForFunction(() => document.body.dataset.jpThemeLight === 'false', undefined, {
      timeout: 30_000,
    });
    await page.waitForSelector('#jupyterlab-splash', { state: 'detached', timeout: 30_000 });
    const luminance = (): Promise<number> =>
      page.$eval(`${plotOf(1)} .ytick text`, (t) => {
        const m = getComputedStyle(t)
          .fill.match(/[\d.]+/g)!
          .map(Number);
        return (0.2126 * m[0]! + 0.7152 * m[1]! + 0.0722 * m[2]!) / 255;
      });
    await page.waitForFunction(
      (s) => {
        const m = getComputedStyle(document.querySelector(`${s} .ytick text`)!).fill.match(
          /[\d.]+/g,
        );
        return m !== null && Number(m[0]) > 128;
      },
      plotOf(1),
      { timeout: 10_000 },
    );
    expect(await luminance()).toBeGreaterThan(0.6);
    await page.$eval('.jp-Notebook .jp-Cell:nth-child(2)', (el) => el.scrollIntoView());
    await shot('8-narrow-dark');
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.waitForTimeout(800);
    for (let i = 1; i < CURVES; i++) {
      expectLegendClear(await boxes(i));
      await expectSummaryWhole(i);
    }
    await page.$eval('.jp-Notebook .jp-Cell:nth-child(2)', (el) => el.scrollIntoView());
    await shot('9-wide-dark');
    await page.$eval('.jp-Notebook .jp-Cell:nth-child(4)', (el) => el.scrollIntoView());
    await shot('10-error-interrupt-dark');
  });

  it('logged no unexpected console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
