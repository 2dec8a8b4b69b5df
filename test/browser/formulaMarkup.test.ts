/* eslint-disable @typescript-eslint/no-explicit-any -- code evaluated in the page reaches JupyterLab's app object, which has no types here. */
// Inert text through JupyterLab's own renderers: a user's `LossInfo` whose name is a Markdown link
// to `javascript:` and whose formulas hold `<img onerror>` (inside and outside $$, with a $$ and
// a blank line to break out of the math block, and unbalanced braces) is shown by `showFormula`
// as text, in a trusted notebook (no sanitizer at all) and an untrusted one, whichever of its
// representations JupyterLab picks: text/markdown (marked + MathJax), text/latex (MathJax) or
// text/html (the formula images). A control output of raw Markdown proves the probe sees markup.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { getLoss } from '@losslab/core';
import type { LossInfo } from '@losslab/core';
import { formulaBundle } from '@losslab/kernel';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLab } from '../support/labPage';
import { launchChromium } from '../support/launchChromium';

// @ts-expect-error -- plain ES module without types, shared with `npm start`
import { installInto, startLab } from '../../scripts/lab.mjs';
// @ts-expect-error -- plain ES module without types, the set-up `npm start` runs
import { signNotebooks } from '../../scripts/setup.mjs';

const REPO = resolve(__dirname, '..', '..');
const ARTIFACTS = join(REPO, 'test', 'artifacts');
const WORK = join(ARTIFACTS, `formula-markup-${process.pid}`);
const STATE = join(WORK, '.jupyter');

const HOSTILE: LossInfo = {
  ...getLoss('mse'),
  id: 'mine<b data-probe="id">x</b>',
  name: '[click](javascript:alert(1)) <img src=x data-probe="name" onerror=alert(2)> \u202Eevil',
  formula:
    String.raw`(\hat y - y)^2 $$ <img src=x data-probe="formula" onerror=alert(3)> $$` +
    '\n\n<img src=x data-probe="paragraph" onerror=alert(4)>',
  gradFormula: '{ [link](javascript:alert(5)) <img src=x data-probe="grad" onerror=alert(6)>',
};

// Which representation each output offers JupyterLab (it renders the first it ranks highest).
const bundle = formulaBundle(HOSTILE).data;
const OUTPUTS: Record<string, Record<string, unknown>> = {
  markdown: { 'text/markdown': bundle['text/markdown'], 'text/plain': bundle['text/plain'] },
  latex: { 'text/latex': bundle['text/latex'], 'text/plain': bundle['text/plain'] },
  all: bundle,
  huber: formulaBundle('huber').data,
  huberLatex: { 'text/latex': formulaBundle('huber').data['text/latex'] },
  control: {
    'text/markdown': '[click](javascript:alert(1)) <img src=x data-probe="control">',
  },
};

const NB_METADATA = {
  kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' },
};

function notebook(): object {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: NB_METADATA,
    cells: Object.entries(OUTPUTS).map(([name, data]) => ({
      cell_type: 'code',
      id: name,
      metadata: {},
      execution_count: null,
      source: `// ${name}`,
      outputs: [{ output_type: 'display_data', data, metadata: {} }],
    })),
  };
}

/** The outputs whose formulas JupyterLab's MathJax typesets. */
const TYPESET = ['markdown', 'huberLatex'];

let lab: { base: string; token: string; stop(): Promise<void> };
let browser: Browser;
let page: Page;

interface Seen {
  probes: string[];
  jsLinks: number;
  images: { src: string; loaded: boolean }[];
  math: number;
  text: string;
}

/** What each output cell of the open notebook shows, by the cell's id comment. */
async function outputs(path: string): Promise<{ trusted: boolean; cells: Record<string, Seen> }> {
  return page.evaluate(
    async ({ p, typeset }) => {
      const app = (window as any).jupyterapp;
      const panel = await app.commands.execute('docmanager:open', { path: p, factory: 'Notebook' });
      await panel.context.ready;
      await panel.revealed;
      const cells: Record<string, any> = {};
      const deadline = Date.now() + 30_000;
      for (const cell of panel.content.widgets) {
        const name = cell.model.sharedModel.getSource().replace('// ', '');
        await cell.ready;
        const node = cell.outputArea.node as HTMLElement;
        // Wait for the renderer (and MathJax, where it typesets) to finish.
        while (Date.now() < deadline && node.innerText.trim() === '') {
          await new Promise((r) => setTimeout(r, 100));
        }
        // MathJax loads on first use and typesets asynchronously: wait for its containers where
        // a formula is expected to typeset (a hostile one may not: its TeX does not parse).
        while (
          Date.now() < deadline &&
          typeset.includes(name) &&
          node.querySelector('mjx-container') === null
        ) {
          await new Promise((r) => setTimeout(r, 100));
        }
        await new Promise((r) => setTimeout(r, 300));
        cells[name] = {
          probes: [...node.querySelectorAll('[data-probe]')].map((e) =>
            e.getAttribute('data-probe'),
          ),
          jsLinks: node.querySelectorAll('a[href^="javascript:" i]').length,
          images: [...node.querySelectorAll('img')].map((i) => ({
            src: i.getAttribute('src')?.slice(0, 26) ?? '',
            loaded: i.complete && i.naturalWidth > 0,
          })),
          math: node.querySelectorAll('mjx-container').length,
          text:
            (node.querySelector('.jp-OutputArea-output') as HTMLElement | null)?.innerText ?? '',
        };
      }
      const trusted = panel.content.widgets.every((c: any) => c.model.trusted);
      return { trusted, cells };
    },
    { p: path, typeset: TYPESET },
  );
}

beforeAll(async () => {
  mkdirSync(WORK, { recursive: true });
  writeFileSync(join(WORK, 'signed.ipynb'), JSON.stringify(notebook(), null, 1));
  // One more metadata key: another digest, so not signed (a notebook received from someone).
  writeFileSync(
    join(WORK, 'unsigned.ipynb'),
    JSON.stringify(
      { ...notebook(), metadata: { ...NB_METADATA, losslab_unsigned_copy: true } },
      null,
      1,
    ),
  );
  installInto(STATE);
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

describe("a user's LossInfo through JupyterLab's renderers", () => {
  it.each([
    ['signed', true],
    ['unsigned', false],
  ] as const)(
    'shows it as text in a %s notebook, in every representation',
    async (name, trusted) => {
      const seen = await outputs(`${name}.ipynb`);
      await page.screenshot({
        path: join(ARTIFACTS, `formula-markup-${name}.png`),
        fullPage: true,
      });
      await page.evaluate(() => {
        for (const w of [...(window as any).jupyterapp.shell.widgets('main')]) {
          w.dispose();
        }
      });
      expect(seen.trusted).toBe(trusted);
      const { markdown, latex, all, huber, huberLatex, control } = seen.cells as Record<
        string,
        Seen
      >;
      for (const cell of [markdown, latex, all, huber, huberLatex]) {
        expect(cell?.probes).toEqual([]);
        expect(cell?.jsLinks).toBe(0);
        expect(cell?.images.every((i) => i.src.startsWith('data:image/svg+xml;base64'))).toBe(true);
      }
      // The name is read as text: the link's brackets and the tag's angle brackets are visible.
      expect(markdown?.text).toContain('[click](javascript:alert(1)) <img src=x');
      // The value formula is typeset by JupyterLab's MathJax; the unbalanced one is text.
      expect(markdown?.math).toBeGreaterThanOrEqual(1);
      expect(markdown?.text).toContain('{ [link](javascript:alert(5))');
      // A registry formula as LaTeX is typeset (JupyterLab renders text/latex only when trusted).
      if (trusted) {
        expect(huberLatex?.math).toBeGreaterThanOrEqual(1);
      }
      expect(latex?.text).not.toBe('');
      // text/html wins: the formula images, loaded.
      expect(all?.images.length).toBe(2);
      expect(huber?.images.map((i) => i.loaded)).toEqual([true, true]);
      // The probe sees raw markup: in a trusted notebook nothing is sanitized.
      if (trusted) {
        expect(control?.probes).toEqual(['control']);
      }
    },
    120_000,
  );
});
