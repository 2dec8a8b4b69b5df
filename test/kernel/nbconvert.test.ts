// A notebook using @losslab/kernel, executed by Debian's `jupyter nbconvert --execute --to html`
// with the real tslab kernel: the exported page holds the SVG charts as images, and a long live
// training is saved with its outputs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { svgFromImages } from '@losslab/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJupyterEnv, PYTHON } from '../support/jupyterEnv';
import type { JupyterEnv } from '../support/jupyterEnv';

let jupyter: JupyterEnv;
// Inside the repo, so cells resolve @losslab/kernel from node_modules upward.
let dir: string;

beforeAll(() => {
  jupyter = createJupyterEnv();
  dir = mkdtempSync(join(__dirname, '.nbconvert-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  jupyter?.dispose();
});

const cell = (source: string): Record<string, unknown> => ({
  cell_type: 'code',
  metadata: {},
  execution_count: null,
  outputs: [],
  source,
});

describe('nbconvert --execute --to html', () => {
  it('keeps every chart as an SVG image, and a flooding live run with all its output', () => {
    const notebook = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {
        kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' },
        language_info: { name: 'typescript' },
      },
      cells: [
        cell(
          [
            "import { fit, linearRegression, makeArticleData, sgd } from '@losslab/core';",
            "import { liveLossCurve, plotLosses } from '@losslab/kernel';",
            'const run = fit(linearRegression({ features: 1 }), makeArticleData(), {',
            "  optimizer: sgd(0.1), maxSteps: 1000, callbacks: [liveLossCurve({ title: 'live <b>' })],",
            '});',
            "plotLosses(run.history, { logY: true, title: 'Article <GD>' });",
          ].join('\n'),
        ),
        cell("import { lossShapes } from '@losslab/kernel';\nlossShapes(['mse', 'mae', 'huber']);"),
        // ~5 s of a synchronous fit asking for a frame every millisecond on two displays, with
        // a line printed every 500 ms: without the send budget the cell hung and lost its output.
        cell(
          [
            "import { progress } from '@losslab/kernel';",
            'const t0 = Date.now();',
            'let last = t0;',
            'let lines = 0;',
            'const flood = fit(linearRegression({ features: 1 }), makeArticleData(), {',
            "  optimizer: sgd(0.001), maxSteps: 1e9, name: 'flood',",
            '  callbacks: [liveLossCurve({ throttleMs: 1 }), progress({ throttleMs: 1 }), { onStep: () => {',
            '    const now = Date.now();',
            "    if (now - last >= 500) { last = now; console.log('flood line ' + lines++); }",
            "    return now - t0 < 5000 ? undefined : 'stop';",
            '  } }],',
            '});',
            "console.log('flood steps ' + flood.history.steps + ' lines ' + lines);",
          ].join('\n'),
        ),
        cell("console.log('next cell ran');"),
      ],
    };
    const path = join(dir, 'curve.ipynb');
    writeFileSync(path, JSON.stringify(notebook));
    execFileSync(
      PYTHON,
      [
        '-m',
        'nbconvert',
        '--to',
        'html',
        '--execute',
        '--ExecutePreprocessor.timeout=120',
        path,
        '--output-dir',
        dir,
      ],
      { env: jupyter.env, stdio: 'pipe', timeout: 180_000 },
    );
    const html = readFileSync(join(dir, 'curve.html'), 'utf8');
    // Two loss curves (the live one in its final state, and plotLosses), one pair of shape charts.
    expect(
      html.match(/<div class="losslab-curve"><img src="data:image\/svg\+xml;base64,/g),
    ).toHaveLength(3);
    expect(html).toContain('<div class="losslab-shapes"');
    const svgs = svgFromImages(html);
    expect(svgs).toHaveLength(5);
    const all = svgs.join('');
    expect(all).toContain('<title>Article &lt;GD&gt;</title>');
    expect(all).toContain('<title>live &lt;b&gt;</title>');
    // The article's reference MSE, 0.26429296, is the marked minimum (reached by step ~100).
    expect(all).toMatch(/min 0\.2643 at step \d+/);
    // The SVG drew lines, and the vendor JSON was not what got exported.
    expect(all).toMatch(/<path [^>]*d="M[\d.]+ [\d.]+l/);
    expect(html).not.toContain('"version": 1');
    // The flooding cell kept every line and its final chart; the next cell ran.
    const [, steps, lines] = /flood steps (\d+) lines (\d+)/.exec(html) ?? [];
    expect(Number(lines)).toBeGreaterThanOrEqual(8);
    for (let i = 0; i < Number(lines); i++) {
      expect(html).toContain(`flood line ${i}\n`);
    }
    expect(html).toContain(`alt="Training loss: flood: ${steps} steps`);
    expect(html).toMatch(new RegExp(`flood  step ${steps}/1000000000 .* done in `));
    expect(html).toContain('next cell ran');
  });
});
