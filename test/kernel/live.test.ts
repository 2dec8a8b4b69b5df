// Live displays in a real tslab kernel where real use begins: long synchronous runs that would
// flood the kernel's output socket, runs that end with an error or an interrupt, and messages
// the channel refuses. Each cell is checked from the client's side (Debian's jupyter_client).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJupyterEnv } from '../support/jupyterEnv';
import type { JupyterEnv } from '../support/jupyterEnv';
import { KernelSession } from '../support/KernelSession';
import type { Execution, IopubMessage } from '../support/KernelSession';

const CURVE_MIME = 'application/vnd.losslab.curve.v1+json';

interface Run {
  steps: number;
  final: number | null;
  min: { step: number; loss: number } | null;
  stopReason: string;
  stopMessage?: string;
}

let jupyter: JupyterEnv;
let kernel: KernelSession;

beforeAll(async () => {
  jupyter = createJupyterEnv();
  kernel = await KernelSession.start({ env: jupyter.env, cwd: __dirname });
}, 120_000);

afterAll(async () => {
  await kernel?.shutdown();
  jupyter?.dispose();
});

/**
 * tslab aborts requests queued in the 200 ms after a failed cell (Jupyter's stop-on-error); a
 * test whose cell fails waits that out before the next one.
 */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 400));
}

/** The messages of one display id, in arrival order. */
function byDisplay(ex: Execution): Map<string, IopubMessage[]> {
  const out = new Map<string, IopubMessage[]>();
  for (const m of ex.messages) {
    if (m.msgType === 'display_data' || m.msgType === 'update_display_data') {
      const id = (m.content.transient as { display_id: string }).display_id;
      out.set(id, [...(out.get(id) ?? []), m]);
    }
  }
  return out;
}

function dataOf(m: IopubMessage | undefined): Record<string, unknown> {
  return (m?.content.data ?? {}) as Record<string, unknown>;
}

/** The curve display's and the progress display's messages. */
function curveAndProgress(ex: Execution): { curve: IopubMessage[]; bar: IopubMessage[] } {
  const all = [...byDisplay(ex).values()];
  const curve = all.find((ms) => CURVE_MIME in dataOf(ms[0])) ?? [];
  const bar = all.find((ms) => !(CURVE_MIME in dataOf(ms[0]))) ?? [];
  return { curve, bar };
}

function lastRun(curve: IopubMessage[]): Run {
  return (dataOf(curve.at(-1))[CURVE_MIME] as { runs: Run[] }).runs[0] as Run;
}

/** The JSON line a cell printed after `marker`. */
function printed<T>(ex: Execution, marker: string): T {
  const line = KernelSession.streamText(ex, 'stdout')
    .split('\n')
    .find((l) => l.startsWith(marker));
  if (line === undefined) {
    throw new Error(`no '${marker}' line in: ${KernelSession.streamText(ex)}`);
  }
  return JSON.parse(line.slice(marker.length)) as T;
}

const HISTORY_SUMMARY = `
  const summary = (h) => JSON.stringify({ steps: h.steps, final: h.lastLoss, minLoss: h.minLoss,
    minStep: h.minStep, stopReason: h.stopReason, stopMessage: h.stopMessage });
`;

describe('live displays in a real tslab kernel', () => {
  it('a synchronous run that would make thousands of sends delivers every line, ends on its history, and goes idle', async () => {
    // throttleMs 1 on two displays for ~8 s asks for ~16,000 frames; the kernel's socket takes
    // 512 messages between event-loop turns. A line is printed every 100 ms, then 'end'.
    const ex = await kernel.execute(
      `
      import { fit, linearRegression, makeArticleData, sgd } from '@losslab/core';
      import { liveLossCurve, progress, sendStats } from '@losslab/kernel';
      ${HISTORY_SUMMARY}
      const before = sendStats().total;
      const t0 = Date.now();
      let last = t0;
      let lines = 0;
      const r = fit(linearRegression({ features: 1 }), makeArticleData(), {
        optimizer: sgd(0.001),
        maxSteps: 1e9,
        callbacks: [
          liveLossCurve({ throttleMs: 1 }),
          progress({ throttleMs: 1 }),
          {
            onStep: () => {
              const now = Date.now();
              if (now - last >= 100) {
                last = now;
                console.log('line ' + lines++);
              }
              return now - t0 < 8000 ? undefined : 'stop';
            },
          },
        ],
      });
      console.log('history ' + summary(r.history));
      console.log('sends ' + JSON.stringify({ sends: sendStats().total - before, lines }));
      console.log('end');
    `,
      { timeoutMs: 90_000 },
    );
    expect(ex.reply.status).toBe('ok');
    const { sends, lines } = printed<{ sends: number; lines: number }>(ex, 'sends ');
    // Every line arrived, in order, then 'end'.
    const out = KernelSession.streamText(ex, 'stdout').split('\n');
    const numbered = out.filter((l) => l.startsWith('line '));
    expect(lines).toBeGreaterThan(40);
    expect(numbered).toEqual(Array.from({ length: lines }, (_, i) => `line ${i}`));
    expect(out.filter((l) => l !== '').at(-1)).toBe('end');
    // The helper kept inside its budget: far fewer sends than frames asked for.
    expect(sends).toBeLessThanOrEqual(160);
    const { curve, bar } = curveAndProgress(ex);
    expect(curve.length).toBeGreaterThan(10);
    expect(curve.length + bar.length).toBe(sends);
    // The final frame equals the finished history.
    const h = printed<{
      steps: number;
      final: number;
      minLoss: number;
      minStep: number;
      stopReason: string;
      stopMessage: string;
    }>(ex, 'history ');
    const run = lastRun(curve);
    expect(run).toMatchObject({
      steps: h.steps,
      final: h.final,
      min: { step: h.minStep, loss: h.minLoss },
      stopReason: 'callback',
      stopMessage: h.stopMessage,
    });
    expect(String(dataOf(bar.at(-1))['text/plain'])).toMatch(
      new RegExp(`step ${h.steps}/\\d+ .* done in `),
    );
    // Idle within a second of the cell's last output.
    const endAt = ex.messages.find(
      (m) => m.msgType === 'stream' && String(m.content.text).includes('end'),
    )?.t as number;
    const idleAt = ex.messages.find(
      (m) => m.msgType === 'status' && m.content.execution_state === 'idle',
    )?.t as number;
    expect(idleAt - endAt).toBeLessThan(1000);
  }, 120_000);

  it('a loss that throws mid-run: the chart and the progress line say so, the cell shows the error', async () => {
    const ex = await kernel.execute(`
      import { fit, linearRegression, makeArticleData, mseLoss, sgd, LosslabError } from '@losslab/core';
      import type { LossFn } from '@losslab/core';
      import { liveLossCurve, progress } from '@losslab/kernel';
      let calls = 0;
      const picky: LossFn = (p, t, o) => {
        if (++calls === 41) throw new LosslabError('pickyLoss', 'pred', "'pred' left its domain");
        return mseLoss(p, t, o);
      };
      fit(linearRegression({ features: 1 }), makeArticleData(), {
        loss: picky, optimizer: sgd(0.05), maxSteps: 1000,
        callbacks: [liveLossCurve({ throttleMs: 0 }), progress({ throttleMs: 0 })],
      });
    `);
    await settle();
    expect(ex.reply.status).toBe('error');
    expect(KernelSession.streamText(ex, 'stderr')).toContain("pickyLoss: 'pred' left its domain");
    const { curve, bar } = curveAndProgress(ex);
    const run = lastRun(curve);
    expect(run.stopReason).toBe('error');
    expect(run.steps).toBe(40);
    expect(run.stopMessage).toBe(
      "stopped by an error at step 41: pickyLoss: 'pred' left its domain",
    );
    expect(String(dataOf(curve.at(-1))['text/plain'])).toContain('stopped by an error at step 41');
    expect(String(dataOf(bar.at(-1))['text/plain'])).toMatch(
      /step 40\/1000 .* stopped by an error at step 41: pickyLoss: 'pred' left its domain after /,
    );
  }, 60_000);

  it('a callback that throws: the same, with the callback’s error', async () => {
    const ex = await kernel.execute(`
      import { fit, linearRegression, makeArticleData, sgd } from '@losslab/core';
      import { liveLossCurve, progress } from '@losslab/kernel';
      fit(linearRegression({ features: 1 }), makeArticleData(), {
        optimizer: sgd(0.05), maxSteps: 1000,
        callbacks: [liveLossCurve({ throttleMs: 0 }), progress({ throttleMs: 0 }),
          { onStep: (i) => { if (i.step === 25) throw new RangeError('my callback broke'); } }],
      });
    `);
    await settle();
    expect(ex.reply.status).toBe('error');
    expect(KernelSession.streamText(ex, 'stderr')).toContain('my callback broke');
    const { curve, bar } = curveAndProgress(ex);
    expect(lastRun(curve)).toMatchObject({
      stopReason: 'error',
      steps: 25,
      stopMessage: 'stopped by an error at step 25: my callback broke',
    });
    expect(String(dataOf(bar.at(-1))['text/plain'])).toContain(
      'stopped by an error at step 25: my callback broke',
    );
  }, 60_000);

  it('after Kernel > Interrupt the last frames say interrupted, before the cell goes idle', async () => {
    const ex = await kernel.execute(
      `
      import { fit, linearRegression, makeArticleData, sgd } from '@losslab/core';
      import { liveLossCurve, progress } from '@losslab/kernel';
      fit(linearRegression({ features: 1 }), makeArticleData(), {
        optimizer: sgd(0.001), maxSteps: 1e12,
        callbacks: [liveLossCurve(), progress()],
      });
    `,
      { interruptAfterMs: 3000, timeoutMs: 60_000 },
    );
    await settle();
    expect(ex.interruptedAt).toBeDefined();
    expect(ex.reply.status).toBe('error');
    const { curve, bar } = curveAndProgress(ex);
    // Drawn while it ran, then closed.
    expect(curve.length).toBeGreaterThan(2);
    const run = lastRun(curve);
    expect(run.stopReason).toBe('interrupted');
    expect(run.stopMessage).toBe(`interrupted at step ${run.steps}`);
    expect(String(dataOf(bar.at(-1))['text/plain'])).toContain(`interrupted at step ${run.steps}`);
    // A frame made while running says so; none after the interrupt does.
    const after = curve.filter((m) => m.t > (ex.interruptedAt as number) + 500);
    for (const m of after) {
      expect((dataOf(m)[CURVE_MIME] as { runs: Run[] }).runs[0]?.stopReason).not.toBe('running');
    }
    const next = await kernel.execute(`console.log(6 * 7)`);
    expect(KernelSession.streamText(next, 'stdout').trim()).toBe('42');
  }, 90_000);

  it('a message the channel refuses is reported once and not retried', async () => {
    const ex = await kernel.execute(`
      import { displayBundle, updateDisplay, sendStats } from '@losslab/kernel';
      const before = sendStats().total;
      displayBundle({ data: { 'application/json': { big: 1n } as unknown } }, { displayId: 'bad' });
      for (let i = 0; i < 1000; i++) updateDisplay('bad', { data: { 'application/json': { big: 1n } } });
      console.log('after ' + (sendStats().total - before) + ' refused ' + sendStats().refused);
    `);
    expect(ex.reply.status).toBe('ok');
    // One message reached the channel and was refused; the other 1000 were never tried.
    expect(KernelSession.streamText(ex, 'stdout')).toContain('after 0 refused 1\n');
    const reports = KernelSession.streamText(ex, 'stderr').match(/could not be sent/g) ?? [];
    expect(reports).toHaveLength(1);
    expect(KernelSession.streamText(ex, 'stderr')).toMatch(/BigInt/);
    const next = await kernel.execute(`console.log('ok')`);
    expect(KernelSession.streamText(next, 'stdout').trim()).toBe('ok');
  }, 60_000);
});
