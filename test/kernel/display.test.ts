// The display bundles of @losslab/kernel in a real tslab kernel started by Debian's Jupyter.
import { svgFromImages } from '@losslab/kernel';
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
    expect(html).toMatch(/^<div class="losslab-curve"><img src="data:image\/svg\+xml;base64,/);
    expect(html).not.toContain('<script>');
    const [svg] = svgFromImages(html);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(data['text/plain']).toMatch(/^Compare: sgd: 4 steps, final 0\.5, min 0\.5 at step 4/);
    const transient = shown[0]?.content.transient as { display_id: string };
    expect(transient.display_id).toMatch(/^losslab-/);
    // The cell prints nothing: plotLosses returns nothing for tslab to echo.
    expect(KernelSession.streamText(ex)).toBe('');
  });

  it('liveLossCurve updates one output while fit trains for ~3 s, ending on the final history', async () => {
    const ex = await kernel.execute(`
      import { fit, linearRegression, makeLinearData, sgd } from '@losslab/core';
      import { liveLossCurve } from '@losslab/kernel';
      const data = makeLinearData({ n: 2000 });
      const t0 = Date.now();
      // A synchronous training loop: the event loop does not run until the cell ends.
      const result = fit(linearRegression({ features: 1 }), data, {
        optimizer: sgd(0.01),
        maxSteps: 100_000_000,
        threshold: 0,
        name: 'gd',
        callbacks: [
          liveLossCurve({ title: 'live' }),
          { onStep: () => (Date.now() - t0 < 3000 ? undefined : 'stop') },
        ],
      });
      const h = result.history;
      // Exact even when a long run thinned its arrays (historyLimit).
      console.log(JSON.stringify({ steps: h.steps, final: h.lastLoss,
        min: h.minLoss, stopReason: h.stopReason,
        stopMessage: h.stopMessage }));
    `);
    failIfError(ex);
    const created = displays(ex, 'display_data');
    const updates = displays(ex, 'update_display_data');
    expect(created).toHaveLength(1);
    const id = (created[0]?.content.transient as { display_id: string }).display_id;
    for (const u of updates) {
      expect((u.content.transient as { display_id: string }).display_id).toBe(id);
    }
    // Default throttle 250 ms over 3 s: about 12 updates, never more than one per 250 ms.
    expect(updates.length).toBeGreaterThanOrEqual(8);
    expect(updates.length).toBeLessThanOrEqual(14);
    // Arrival times are spread over the training, not bunched at the end of the cell.
    const times = [created[0] as IopubMessage, ...updates].map((m) => m.t);
    expect((times.at(-2) as number) - (times[0] as number)).toBeGreaterThan(2000);
    for (let i = 1; i < times.length - 1; i++) {
      expect((times[i] as number) - (times[i - 1] as number)).toBeLessThan(1000);
    }
    const printed = JSON.parse(KernelSession.streamText(ex, 'stdout').trim()) as {
      steps: number;
      final: number;
      min: number;
      stopReason: string;
      stopMessage: string;
    };
    const last = updates.at(-1)?.content.data as Record<string, unknown>;
    const run = (last[CURVE_MIME] as { runs: Record<string, unknown>[] }).runs[0] as {
      steps: number;
      final: number;
      min: { loss: number };
      stopReason: string;
      stopMessage: string;
    };
    expect(run.steps).toBe(printed.steps);
    expect(run.final).toBe(printed.final);
    expect(run.min.loss).toBe(printed.min);
    expect(run.stopReason).toBe('callback');
    expect(run.stopReason).toBe(printed.stopReason);
    expect(run.stopMessage).toBe(printed.stopMessage);
    expect(last['text/plain']).toContain(`gd: ${printed.steps} steps`);
    // Every update before the last one showed a run still training.
    const first = updates[0]?.content.data as Record<string, unknown>;
    expect((first[CURVE_MIME] as { runs: { stopReason: string }[] }).runs[0]?.stopReason).toBe(
      'running',
    );
  });

  it('after an interrupted endless training cell, the kernel runs the next cell', async () => {
    const ex = await kernel.execute(
      `
      import { liveLossCurve, progress } from '@losslab/kernel';
      const cbs = [liveLossCurve(), progress()];
      const h = { name: 'endless', loss: [] as number[], learningRate: [] as number[],
        gradNorm: [] as number[], valLoss: [] as number[], valStep: [] as number[],
        snapshots: [] as { step: number; params: Float64Array }[], steps: 0,
        stopReason: 'maxSteps' as const, stopMessage: '' };
      for (let step = 1; ; step++) {
        h.loss.push(1 / step);
        for (const cb of cbs) cb.onStep!({ step, maxSteps: Infinity, loss: 1 / step,
          learningRate: 0.1, gradNorm: 1, history: h });
      }
    `,
      { interruptAfterMs: 2500, timeoutMs: 30_000 },
    );
    expect(ex.interruptedAt).toBeDefined();
    expect(ex.reply.status).toBe('error');
    expect(KernelSession.streamText(ex, 'stderr')).toMatch(/interrupted/i);
    // It did draw while it ran.
    expect(displays(ex, 'update_display_data').length).toBeGreaterThan(0);
    // tslab aborts requests queued in the 200 ms after a failed cell (Jupyter's stop-on-error,
    // like "Run All" stopping at an error); a cell run after that runs normally.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const next = await kernel.execute(`console.log(6 * 7)`);
    failIfError(next);
    expect(KernelSession.streamText(next, 'stdout').trim()).toBe('42');
  });
});
