/* eslint-disable @typescript-eslint/no-explicit-any -- code evaluated in the page reaches JupyterLab's app object, which has no types here. */
// JupyterLab without our plugin: a committed notebook's charts are the SVG inside its text/html
// outputs, which JupyterLab's sanitizer drops unless the notebook is trusted. `npm start`'s set-up
// signs the committed notebooks in its project-local Jupyter state (scripts/setup.mjs); here the
// same signing is checked in the browser against an unsigned copy.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/launchChromium';

// @ts-expect-error -- plain ES module without types, shared with `npm start`
import { installInto, startLab } from '../../scripts/lab.mjs';
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

/** SVG charts that survived rendering in the text/html outputs of notebook `path`. */
async function svgChartsIn(
  path: string,
  htmlOutputs: number,
): Promise<{ trusted: boolean; rendered: number; svgs: number }> {
  return page.evaluate(
    async ([p, n]) => {
      const app = (window as any).jupyterapp;
      const panel = await app.commands.execute('docmanager:open', {
        path: p,
        factory: 'Notebook',
      });
      await panel.context.ready;
      const html = (): NodeListOf<Element> =>
        panel.node.querySelectorAll('.jp-OutputArea-output.jp-RenderedHTMLCommon');
      // Every text/html output rendered (sanitized or not) before counting what is in them.
      const deadline = Date.now() + 30_000;
      while (html().length < (n as number) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
      const result = {
        trusted: panel.content.widgets.every(
          (c: any) => c.model.type !== 'code' || c.model.trusted,
        ),
        rendered: html().length,
        svgs: [...html()].reduce((k, el) => k + el.querySelectorAll('svg').length, 0),
      };
      await panel.sessionContext.shutdown();
      panel.dispose();
      return result;
    },
    [path, htmlOutputs] as const,
  );
}

beforeAll(async () => {
  mkdirSync(WORK, { recursive: true });
  copyFileSync(SOURCE, join(WORK, 'signed.ipynb'));
  // The same notebook with one more metadata key: a different digest, so not signed.
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
  await page.goto(`${lab.base}/lab?token=${lab.token}`);
  await page.waitForFunction(() => (window as any).jupyterapp?.restored !== undefined, undefined, {
    timeout: 60_000,
  });
  await page.evaluate(() => (window as any).jupyterapp.restored);
});

afterAll(async () => {
  await browser?.close();
  await lab?.stop();
  rmSync(WORK, { recursive: true, force: true });
});

describe('signed notebooks in JupyterLab without the plugin', () => {
  it('shows the SVG charts of a signed notebook, and not those of an unsigned copy', async () => {
    const plugins = await page.evaluate(() =>
      (window as any).jupyterapp.listPlugins().filter((id: string) => id.startsWith('@losslab')),
    );
    expect(plugins).toEqual([]);
    const committed = JSON.parse(readFileSync(SOURCE, 'utf8')) as {
      cells: { outputs?: { data?: Record<string, unknown> }[] }[];
    };
    const html = committed.cells
      .flatMap((c) => c.outputs ?? [])
      .map((o) => String(o.data?.['text/html'] ?? ''))
      .filter((h) => h !== '');
    const svgs = html.reduce((k, h) => k + (h.match(/<svg[\s>]/g) ?? []).length, 0);
    expect(svgs).toBeGreaterThan(0);

    const signed = await svgChartsIn('signed.ipynb', html.length);
    expect(signed).toEqual({ trusted: true, rendered: html.length, svgs });
    const unsigned = await svgChartsIn('unsigned.ipynb', html.length);
    expect(unsigned).toEqual({ trusted: false, rendered: html.length, svgs: 0 });
  });
});
