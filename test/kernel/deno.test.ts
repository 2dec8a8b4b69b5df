// @losslab/kernel in a real Deno kernel (`deno jupyter`, npm's deno 2.9.6) started by Debian's
// Jupyter from the kernelspec `losslab install` writes: the packages load, bundles go out whole,
// live curves update in place while a synchronous fit trains.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJupyterEnv } from '../support/jupyterEnv';
import type { JupyterEnv } from '../support/jupyterEnv';
import { KernelSession } from '../support/KernelSession';
import type { Execution, IopubMessage } from '../support/KernelSession';

const CURVE_MIME = 'application/vnd.losslab.curve.v1+json';

let jupyter: JupyterEnv;
let kernel: KernelSession;
// Deno's kernel can send some of a cell's output after its idle status (measured: stdout lines;
// once under load, the result too): collect for this long after it.
const LATE_MS = 500;

beforeAll(async () => {
  jupyter = createJupyterEnv();
  // This folder is inside the repository: Deno finds its deno.json and node_modules upward.
  kernel = await KernelSession.start({ env: jupyter.env, cwd: __dirname, kernel: 'deno' });
});

afterAll(async () => {
  await kernel?.shutdown();
  jupyter?.dispose();
});

function messages(ex: Execution, type: string): IopubMessage[] {
  return ex.messages.filter((m) => m.msgType === type);
}

/** The cell's last expression, a JSON string, which Deno sends as an execute_result. */
function result<T>(ex: Execution): T {
  if (ex.reply.status !== 'ok') {
    throw new Error(`cell failed: ${JSON.stringify(messages(ex, 'error'))}`);
  }
  const [shown] = messages(ex, 'execute_result');
  const text = String((shown?.content.data as Record<string, unknown>)['text/plain']);
  // Deno prints a string result quoted and coloured: keep the JSON inside.
  return JSON.parse(/\{.*\}/s.exec(text)?.[0] ?? 'null') as T;
}

describe("@losslab/kernel in Deno's kernel", () => {
  it('loads the packages and sends plotLosses as one display_data with all three types', async () => {
    const ex = await kernel.execute(
      `
      import { plotLosses, inKernel } from '@losslab/kernel';
      plotLosses([{ name: 'sgd', loss: [4, 2, 1, 0.5] }], { logY: true, title: 'Compare' });
      JSON.stringify({ inKernel: inKernel() });
    `,
      { lateMs: LATE_MS },
    );
    expect(result<{ inKernel: boolean }>(ex)).toEqual({ inKernel: true });
    const shown = messages(ex, 'display_data');
    expect(shown).toHaveLength(1);
    const data = shown[0]?.content.data as Record<string, unknown>;
    expect(Object.keys(data).sort()).toEqual([CURVE_MIME, 'text/html', 'text/plain'].sort());
    expect((data[CURVE_MIME] as { runs: { final: number }[] }).runs[0]?.final).toBe(0.5);
    expect(data['text/plain']).toMatch(/^Compare: sgd: 4 steps, final 0\.5/);
    expect((shown[0]?.content.transient as { display_id: string }).display_id).toMatch(/^losslab-/);
  });

  it('liveLossCurve and progress update their outputs while fit trains for ~3 s, ending on the final history', async () => {
    const ex = await kernel.execute(
      `
      import { fit, linearRegression, makeLinearData, sgd } from '@losslab/core';
      import { liveLossCurve, progress } from '@losslab/kernel';
      const data = makeLinearData({ n: 2000 });
      const t0 = Date.now();
      // A synchronous training loop: the event loop does not run until the cell ends.
      const h = fit(linearRegression({ features: 1 }), data, {
        optimizer: sgd(0.01),
        maxSteps: 100_000_000,
        threshold: 0,
        name: 'gd',
        callbacks: [
          liveLossCurve({ title: 'live' }),
          progress(),
          { onStep: () => (Date.now() - t0 < 3000 ? undefined : 'stop') },
        ],
      }).history;
      // lastLoss: a run past historyLimit (2^20 steps; Deno is fast) keeps a thinned loss array.
      JSON.stringify({ steps: h.steps, final: h.lastLoss, stopReason: h.stopReason });
    `,
      { lateMs: LATE_MS },
    );
    const printed = result<{ steps: number; final: number; stopReason: string }>(ex);
    const created = messages(ex, 'display_data');
    expect(created).toHaveLength(2); // the curve and the progress line
    const curveId = (created[0]?.content.transient as { display_id: string }).display_id;
    const updates = messages(ex, 'update_display_data').filter(
      (m) => (m.content.transient as { display_id: string }).display_id === curveId,
    );
    // Default throttle 250 ms over 3 s (the send budget allows about 8 a second at first).
    expect(updates.length).toBeGreaterThanOrEqual(6);
    expect(updates.length).toBeLessThanOrEqual(14);
    // Live: the updates arrive spread over the training, not bunched when the cell ends.
    const times = [created[0] as IopubMessage, ...updates].map((m) => m.t);
    expect((times.at(-2) as number) - (times[0] as number)).toBeGreaterThan(2000);
    const last = updates.at(-1)?.content.data as Record<string, unknown>;
    const run = (last[CURVE_MIME] as { runs: { steps: number; final: number }[] }).runs[0];
    expect(run).toMatchObject({ steps: printed.steps, final: printed.final });
    expect(printed.stopReason).toBe('callback');
    const first = updates[0]?.content.data as Record<string, unknown>;
    expect((first[CURVE_MIME] as { runs: { stopReason: string }[] }).runs[0]?.stopReason).toBe(
      'running',
    );
  });
});
