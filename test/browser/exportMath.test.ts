/* eslint-disable @typescript-eslint/no-explicit-any -- code evaluated in the page reaches MathJax 2's global, which has no types here. */
// Exports that read offline: `jupyter nbconvert --to html` of every notebook (both editions), and
// of a notebook of `showFormula` outputs, opened from disk in Chromium with the network cut. The
// Markdown cells' $$ formulas are typeset by the MathJax 2 that Debian's nbconvert 6.5.3 loads
// from file:///usr/share/javascript/mathjax (apt libjs-mathjax, which set-up installs); the
// formulas of `showFormula` are SVG images typeset in the kernel and need no script at all.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { getLoss } from '@losslab/core';
import { formulaBundle } from '@losslab/kernel';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { greySpread } from '../support/greySpread';
import { launchChromium } from '../support/launchChromium';

// @ts-expect-error -- plain ES module without types, shared with `npm start`
import { jupyterEnv, PYTHON } from '../../scripts/lab.mjs';

const REPO = resolve(__dirname, '..', '..');
const ARTIFACTS = join(REPO, 'test', 'artifacts');
const WORK = join(ARTIFACTS, `export-math-${process.pid}`);
const MATHJAX = '/usr/share/javascript/mathjax/MathJax.js';

interface Nb {
  cells: { cell_type: string; source: string | string[]; outputs?: unknown[] }[];
}

const source = (c: Nb['cells'][number]): string =>
  Array.isArray(c.source) ? c.source.join('') : c.source;

/** Display formulas ($$ … $$) in a notebook's Markdown cells. */
function markdownFormulas(nb: Nb): number {
  return nb.cells
    .filter((c) => c.cell_type === 'markdown')
    .reduce((k, c) => k + Math.floor((source(c).match(/\$\$/g) ?? []).length / 2), 0);
}

/** The committed notebooks of both editions: [folder under WORK, file name]. */
function notebooks(): [string, string][] {
  const out: [string, string][] = [];
  for (const sub of ['en', 'zh']) {
    const dir = join(REPO, 'notebooks', sub === 'en' ? '' : 'zh');
    for (const f of readdirSync(dir).filter((n) => /^\d\d-.*\.ipynb$/.test(n))) {
      out.push([sub, f]);
    }
  }
  return out.sort();
}

// A user's own loss whose name and formulas hold markup: in the export it must stay text.
const HOSTILE = {
  ...getLoss('mse'),
  id: 'mine',
  name: 'mine <img src=x onerror=alert(1)> [x](javascript:alert(2))',
  formula: String.raw`(\hat y - y)^2 <img src=y onerror=alert(3)>`,
};

function formulaNotebook(): object {
  const output = (b: ReturnType<typeof formulaBundle>): object => ({
    output_type: 'display_data',
    data: b.data,
    metadata: {},
  });
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' } },
    cells: [
      { cell_type: 'markdown', id: 'm', metadata: {}, source: 'Inline $x^2$ and $$\\frac{a}{b}$$' },
      {
        cell_type: 'code',
        id: 'c',
        metadata: {},
        execution_count: null,
        source: "showFormula('huber');",
        outputs: [output(formulaBundle('huber')), output(formulaBundle(HOSTILE))],
      },
    ],
  };
}

let browser: Browser;

/** Opens an exported page with the network cut; returns it and the requests that left the disk. */
async function openOffline(html: string): Promise<{ page: Page; external: string[] }> {
  const context = await browser.newContext({
    offline: true,
    viewport: { width: 1100, height: 900 },
  });
  const page = await context.newPage();
  const external: string[] = [];
  page.on('request', (r) => {
    if (!/^(file|data):/.test(r.url())) {
      external.push(r.url());
    }
  });
  // A file the page asks for that is not on disk (RequireJS before set-up installed it).
  page.on('requestfailed', (r) => {
    if (/^file:/.test(r.url())) {
      external.push(`missing: ${r.url()}`);
    }
  });
  await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
  // MathJax 2 runs its queue in order: a callback queued now runs after the page's typesetting.
  const state = await page.evaluate(
    () =>
      new Promise<string>((done) => {
        const mj = (window as any).MathJax;
        if (mj?.Hub === undefined) {
          done('no MathJax');
          return;
        }
        mj.Hub.Queue(() => done('typeset'));
      }),
  );
  expect(state).toBe('typeset');
  return { page, external };
}

beforeAll(() => {
  expect(existsSync(MATHJAX)).toBe(true);
  for (const sub of ['en', 'zh']) {
    mkdirSync(join(WORK, sub), { recursive: true });
  }
  for (const [sub, f] of notebooks()) {
    copyFileSync(join(REPO, 'notebooks', sub === 'en' ? '' : 'zh', f), join(WORK, sub, f));
  }
  writeFileSync(join(WORK, 'en', 'formulas.ipynb'), JSON.stringify(formulaNotebook(), null, 1));
  for (const sub of ['en', 'zh']) {
    const files = readdirSync(join(WORK, sub))
      .filter((n) => n.endsWith('.ipynb'))
      .map((n) => join(WORK, sub, n));
    execFileSync(PYTHON, ['-m', 'nbconvert', '--to', 'html', ...files], {
      env: jupyterEnv(join(WORK, '.jupyter')),
      stdio: 'pipe',
      timeout: 240_000,
    });
  }
}, 300_000);

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(WORK, { recursive: true, force: true });
});

describe('nbconvert HTML exports, opened offline in Chromium', () => {
  it('references MathJax and RequireJS on disk, where libjs-mathjax and libjs-requirejs put them', () => {
    const html = readFileSync(
      join(WORK, 'en', notebooks()[0]![1].replace(/ipynb$/, 'html')),
      'utf8',
    );
    expect(html).toContain(`src="file://${MATHJAX}?config=TeX-AMS_CHTML-full,Safe"`);
    const scripts = [...html.matchAll(/<script[^>]*src="file:\/\/([^"?]+)/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    expect(scripts.filter((f) => !existsSync(f))).toEqual([]);
  });

  it.each(notebooks())(
    'typesets every formula of %s/%s with no network request',
    async (sub, f) => {
      const nb = JSON.parse(readFileSync(join(WORK, sub, f), 'utf8')) as Nb;
      const { page, external } = await openOffline(join(WORK, sub, f.replace(/ipynb$/, 'html')));
      try {
        const seen = await page.evaluate(() => ({
          text: document.body.innerText,
          display: document.querySelectorAll('.MJXc-display').length,
          errors: document.querySelectorAll('.MathJax_Error, .mjx-merror, merror').length,
        }));
        expect(seen.text).not.toContain('$$');
        expect(seen.errors).toBe(0);
        expect(seen.display).toBeGreaterThanOrEqual(markdownFormulas(nb));
        if (/^0[36]-/.test(f)) {
          await page.screenshot({
            path: join(ARTIFACTS, `export-math-${sub}-${f.slice(0, 2)}.png`),
          });
        }
      } finally {
        await page.context().close();
      }
      expect(external).toEqual([]);
    },
    60_000,
  );

  it("shows showFormula's formulas as loaded, non-blank images, and a user's markup as text", async () => {
    const { page, external } = await openOffline(join(WORK, 'en', 'formulas.html'));
    try {
      const images = page.locator('.losslab-formula img[src^="data:image/svg+xml;base64,"]');
      await expect.poll(() => images.count()).toBe(4);
      for (let i = 0; i < 4; i++) {
        const img = images.nth(i);
        expect(
          await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0),
        ).toBe(true);
        expect((await img.boundingBox())?.width ?? 0).toBeGreaterThan(100);
        const png = await img.screenshot({ path: join(ARTIFACTS, `export-formula-${i}.png`) });
        // Dark glyphs on the white card: a spread of grey levels, not a blank picture.
        const spread = await greySpread(page, png);
        expect(spread).toBeGreaterThan(10);
      }
      const markup = await page.evaluate(() => ({
        live: document.querySelectorAll('img[onerror], a[href^="javascript:"], img[src="x"]')
          .length,
        names: [...document.querySelectorAll('.losslab-formula strong')].map((e) => e.textContent),
        text: document.body.innerText,
      }));
      expect(markup.live).toBe(0);
      expect(markup.names).toEqual(['Huber', HOSTILE.name]);
      expect(markup.text).not.toContain('$$');
    } finally {
      await page.context().close();
    }
    expect(external).toEqual([]);
  }, 60_000);
});
