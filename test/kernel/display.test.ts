// The display bundles of @losslab/kernel in a real tslab kernel started by Debian's Jupyter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJupyterEnv } from '../support/jupyterEnv';
import type { JupyterEnv } from '../support/jupyterEnv';
import { KernelSession } from '../support/KernelSession';
import type { Execution, IopubMessage } from '../support/KernelSession';

const CURVE_MIME = 'application/vnd.losslab.curve.v1+json';

let jupyter: JupyterEnv;
let kernel: KernelSession;

beforeAll(async () => {
  jupyter = createJupyterEnv();
  // The notebook directory is this folder: cells resolve @losslab/kernel from the repo's
  // node_modules upward, as a notebook in notebooks/ does.
  kernel = await KernelSession.start({ env: jupyter.env, cwd: __dirname });
});

afterAll(async () => {
  await kernel?.shutdown();
  jupyter?.dispose();
});

function displays(ex: Execution, type: string): IopubMessage[] {
  return ex.messages.filter((m) => m.msgType === type);
}

function failIfError(ex: Execution): void {
  if (ex.reply.status !== 'ok') {
    throw new Error(`cell failed: ${KernelSession.streamText(ex)}`);
  }
}

describe('@losslab/kernel in a real tslab kernel', () => {
  it('plotLosses sends one display_data with the vendor type, text/html and text/plain', async () => {
    const ex = await kernel.execute(`
      import { plotLosses } from '@losslab/kernel';
      plotLosses([
        { name: 'sgd', loss: [4, 2, 1, 0.5] },
        { name: '<script>alert(1)</script>', loss: [4, 3, 2.5, 2.2] },
      ], { logY: true, title: 'Compare' });
    `);
    failIfError(ex);
    const shown = displays(ex, 'display_data');
    expect(shown).toHaveLength(1);
    const data = shown[0]?.content.data as Record<string, unknown>;
    expect(Object.keys(data).sort()).toEqual([CURVE_MIME, 'text/html', 'text/plain'].sort());
    const payload = data[CURVE_MIME] as { runs: { name: string; final: number }[] };
    expect(payload.runs.map((r) => r.name)).toEqual(['sgd', '<script>alert(1)</script>']);
    expect(payload.runs[0]?.final).toBe(0.5);
    const html = data['text/html'] as string;
    expect(html).toContain('<svg');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(data['text/plain']).toMatch(/^Compare: sgd: 4 steps, final 0\.5, min 0\.5 at step 4/);
    const transient = shown[0]?.content.transient as { display_id: string };
    expect(transient.display_id).toMatch(/^losslab-/);
    // The cell prints nothing: plotLosses returns nothing for tslab to echo.
    expect(KernelSession.streamText(ex)).toBe('');
  });
});
