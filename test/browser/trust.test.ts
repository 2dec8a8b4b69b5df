/* eslint-disable @typescript-eslint/no-explicit-any -- code evaluated in the page reaches JupyterLab's app object, which has no types here. */
// Charts in any viewer, without our plugin: a committed notebook's charts are SVG images inside
// its text/html outputs (data URLs), which JupyterLab's sanitizer keeps whether the notebook is
// trusted (signed by `npm start`'s set-up) or not (a notebook a learner downloaded or received),
// and which `jupyter nbconvert --to html` exports as they are. Each chart must be a loaded image
// whose screenshot is not blank, in the light and the dark theme, and in the exported page.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { greySpread } from '../support/greySpread';
import { openLab } from '../support/labPage';
import { launchChromium } from '../support/launchChromium';

// @ts-expect-error -- plain ES module without types, shared with `npm start`
import { installInto, jupyterEnv, PYTHON, startLab } from '../../scripts/lab.mjs';
// @ts-expect-error -- plain ES module without types, the set-up `npm start` runs
import { signNotebooks } from '../../scripts/setup.mjs';

const REPO = resolve(__dirname, '..', '..');
const ARTIFACTS = join(REPO, 'test', 'artifacts');
const WORK = join(ARTIFACTS, `trust-${process.pid}`);
const STATE = join(WORK, '.jupyter');
const SOURCE = join(REPO, 'notebooks', '04-code-example.ipynb');

let lab: { base: string; token: string; stop(): Promise<void> };
let browser: Browser;
let page: Page;

/** The chart images the committed notebook's text/html outputs hold. */
function committedCharts(): number {
  const nb = JSON.parse(readFileSync(SOURCE, 'utf8')) as {
    cells: { outputs?: { data?: Record<string, unknown> }[] }[];
  };
  return nb.cells
    .flatMap((c) => c.outputs ?? [])
    .map((o) => String(o.data?.['text/html'] ?? ''))
    .reduce((k, h) => k + (h.match(/<img src="data:image\/svg\+xml;base64,/g) ?? []).length, 0);
}

/** Spread of the grey levels of a screenshot, measured by the page under test. */
function spread(png: Buffer): Promise<number> {
  return greySpread(page, png);
}

/** Checks every chart image under `root`: loaded, drawn at a usable size, not blank. */
async function checkImages(images: Locator, expected: number, shot: string): Promise<void> {
  await expect.poll(() => images.count(), { timeout: 30_000 }).toBe(expected);
  for (let i = 0; i < expected; i++) {
    const img = images.nth(i);
    await img.scrollIntoViewIfNeeded();
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), {
        timeout: 30_000,
      })
      .toBe(true);
    const box = await img.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(200);
    const png = await img.screenshot({ path: join(ARTIFACTS, `${shot}-${i}.png`) });
    expect(await spread(png)).toBeGreaterThan(10);
  }
}

async function openNotebook(path: string): Promise<{ trusted: boolean }> {
  return page.evaluate(async (p) => {
    const app = (window as any).jupyterapp;
    const panel = await app.commands.execute('docmanager:open', { path: p, factory: 'Notebook' });
    await panel.context.ready;
    await panel.revealed;
    return {
      trusted: panel.content.widgets.every((c: any) => c.model.type !== 'code' || c.model.trusted),
    };
  }, path);
}

async function closeAll(): Promise<void> {
  await page.evaluate(async () => {
    const app = (window as any).jupyterapp;
    for (const w of [...app.shell.widgets('main')]) {
      await w.sessionContext?.shutdown?.();
      w.dispose();
    }
  });
}

beforeAll(async () => {
  mkdirSync(WORK, { recursive: true });
  copyFileSync(SOURCE, join(WORK, 'signed.ipynb'));
  // The same notebook with one more metadata key: a different digest, so not signed (as a
  // notebook downloaded or received from a colleague).
  const nb = JSON.parse(readFileSync(SOURCE, 'utf8'));
  nb.metadata.losslab_unsigned_copy = true;
  writeFileSync(join(WORK, 'unsigned.ipynb'), JSON.stringify(nb, null, 1));
  installInto(STATE);
  // JupyterLab without the plugin: only the kernelspec stays installed.
  rmSync(join(STATE, 'share', 'jupyter', 'labextensions'), { recursive: true, force: true });
  await signNotebooks([join(WORK, 'signed.ipynb')], STATE);
  lab = await startLab({ notebookDir: WORK, stateDir: STATE });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await openLab(page, lab);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await lab?.stop();
  rmSync(WORK, { recursive: true, force: true });
});

describe('charts in JupyterLab without the plugin, and in the HTML export', () => {
  it('runs without the plugin', async () => {
    const plugins = await page.evaluate(() =>
      (window as any).jupyterapp.listPlugins().filter((id: string) => id.startsWith('@losslab')),
    );
    expect(plugins).toEqual([]);
    expect(committedCharts()).toBeGreaterThan(0);
  });

  it.each([
    ['signed', true, 'JupyterLab Light'],
    ['unsigned', false, 'JupyterLab Dark'],
    ['unsigned', false, 'JupyterLab Light'],
  ] as const)(
    'shows every chart of a %s notebook as a picture (%s, %s)',
    async (name, trusted, theme) => {
      await page.evaluate(
        (t) => (window as any).jupyterapp.commands.execute('apputils:change-theme', { theme: t }),
        theme,
      );
      await page.waitForFunction(
        (light) => document.body.dataset.jpThemeLight === String(light),
        theme === 'JupyterLab Light',
      );
      expect(await openNotebook(`${name}.ipynb`)).toEqual({ trusted });
      const images = page.locator(
        '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-RenderedHTMLCommon img[src^="data:image/svg+xml;base64,"]',
      );
      await checkImages(
        images,
        committedCharts(),
        `trust-${name}-${theme.split(' ')[1]?.toLowerCase()}`,
      );
      // The sanitizer left no garbled chart text behind: no inline SVG text outside the images.
      const inlineSvg = await page
        .locator('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-RenderedHTMLCommon svg')
        .count();
      expect(inlineSvg).toBe(0);
      await closeAll();
    },
  );

  it("shows every chart in nbconvert's HTML export, opened offline", async () => {
    execFileSync(
      PYTHON,
      ['-m', 'nbconvert', '--to', 'html', join(WORK, 'unsigned.ipynb'), '--output-dir', WORK],
      { env: jupyterEnv(STATE), stdio: 'pipe', timeout: 120_000 },
    );
    const exported = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const external: string[] = [];
    exported.on('request', (r) => {
      if (!/^(file|data):/.test(r.url())) {
        external.push(r.url());
      }
    });
    await exported.goto(pathToFileURL(join(WORK, 'unsigned.html')).href);
    const previous = page;
    page = exported;
    try {
      await checkImages(
        exported.locator('img[src^="data:image/svg+xml;base64,"]'),
        committedCharts(),
        'trust-export',
      );
    } finally {
      page = previous;
      await exported.close();
    }
    expect(external).toEqual([]);
  });
});
