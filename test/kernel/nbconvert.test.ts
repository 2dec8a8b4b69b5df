// A notebook using @losslab/kernel, executed by Debian's `jupyter nbconvert --execute --to html`
// with the real tslab kernel: the exported page holds the inline SVG charts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
  it('keeps the loss curve as an inline SVG chart', () => {
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
    expect(html.match(/<div class="losslab-curve"><svg /g)).toHaveLength(2);
    expect(html).toContain('<div class="losslab-shapes"');
    expect(html).toContain('<title>Article &lt;GD&gt;</title>');
    expect(html).toContain('<title>live &lt;b&gt;</title>');
    // The article's reference MSE, 0.26429296, is the marked minimum (reached by step ~100).
    expect(html).toMatch(/min 0\.2643 at step \d+/);
    // The SVG drew lines, and the vendor JSON was not what got exported.
    expect(html).toMatch(/<path d="M[\d.]+ [\d.]+L/);
    expect(html).not.toContain('"version": 1');
  });
});
