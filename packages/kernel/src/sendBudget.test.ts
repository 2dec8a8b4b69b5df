// The send budget of display.ts, with a fake channel and a fake clock: what a synchronous stretch
// may send, what waits for the event loop, and what is refused for good.
import type { Callback, History } from '@losslab/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DisplayContent } from './display';
import {
  liveAllowance,
  liveFrameAllowed,
  SEND_BUDGET,
  sendBundle,
  sendStats,
  setDisplayWriter,
  updateDisplay,
} from './display';
import { liveLossCurve } from './liveLossCurve';
import { LOSS_CURVE_MIME } from './payload';
import type { LossCurvePayload } from './payload';
import { progress } from './progress';

type Sent = { content: DisplayContent; update: boolean };

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

afterEach(() => {
  setDisplayWriter(undefined);
  vi.restoreAllMocks();
});

function history(): History {
  return {
    name: 'gd',
    loss: [],
    learningRate: [],
    gradNorm: [],
    stride: 1,
    minLoss: NaN,
    minStep: 0,
    lastLoss: NaN,
    valLoss: [],
    valStep: [],
    snapshots: [],
    steps: 0,
    stopReason: 'maxSteps',
    stopMessage: '',
  };
}

/** Steps 1..`steps` of a fake run (loss 1/step), as fit records them and calls its callbacks. */
function train(
  h: History,
  steps: number,
  maxSteps: number,
  callbacks: Callback[],
  beforeStep: () => void = () => undefined,
): void {
  for (let step = 1; step <= steps; step++) {
    beforeStep();
    const loss = 1 / step;
    h.loss.push(loss);
    h.learningRate.push(0.1);
    h.gradNorm.push(1);
    h.steps = step;
    h.lastLoss = loss;
    h.minLoss = loss;
    h.minStep = step;
    const info = { step, maxSteps, loss, learningRate: 0.1, gradNorm: 1, history: h };
    for (const cb of callbacks) {
      cb.onStep?.(info);
    }
  }
}

describe('liveAllowance', () => {
  it('grows with the logarithm of the stretch and stops at perStretch - endReserve', () => {
    expect(liveAllowance(0)).toBe(8);
    expect(liveAllowance(2000)).toBe(20);
    expect(liveAllowance(6000)).toBe(32);
    const cap = SEND_BUDGET.perStretch - SEND_BUDGET.endReserve;
    expect(liveAllowance(3_600_000)).toBe(cap);
    // Still drawing after ten minutes: more allowed at 10 min than at 5.
    expect(liveAllowance(600_000)).toBeGreaterThan(liveAllowance(300_000) + 5);
    expect(liveAllowance(600_000)).toBeLessThan(cap);
  });
});

describe('the send budget of one synchronous stretch', () => {
  it('lets a live display send on the allowance only, and its final frame from the reserve', async () => {
    const clock = { now: 0 };
    vi.spyOn(performance, 'now').mockImplementation(() => clock.now);
    const sent: Sent[] = [];
    setDisplayWriter((content, update) => sent.push({ content, update }));
    await turn();
    const cb = liveLossCurve({ throttleMs: 1 });
    const bar = progress({ throttleMs: 1 });
    const h = history();
    // Ten simulated minutes of 1 ms steps without the event loop running once.
    const sentAt: number[] = [];
    train(h, 600_000, 600_000, [cb, bar], () => {
      clock.now += 1;
      while (sentAt.length < sent.length) {
        sentAt.push(clock.now);
      }
    });
    const live = sent.length;
    // 600,000 frames were due for each display; the allowance at 10 minutes is ~106.
    expect(live).toBeLessThanOrEqual(Math.ceil(liveAllowance(600_000)));
    expect(live).toBeGreaterThan(90);
    // The two displays shared the frames fairly (a cheap progress line asking as often as the
    // chart does not take its frames).
    const chart = sent.filter((m) => LOSS_CURVE_MIME in m.content.data).length;
    expect(Math.abs(chart - (live - chart))).toBeLessThanOrEqual(1);
    // Frames kept coming until the end, ever more sparsely: the last five minutes drew too.
    expect(sentAt.filter((t) => t > 300_000).length).toBeGreaterThan(5);
    expect(sentAt.filter((t) => t > 540_000).length).toBeGreaterThan(0);
    cb.onEnd?.(h);
    bar.onEnd?.(h);
    expect(sent.length).toBe(live + 2);
    const last = sent.at(-2)?.content.data[LOSS_CURVE_MIME] as LossCurvePayload;
    expect(last.runs[0]?.steps).toBe(600_000);
    expect(last.runs[0]?.stopReason).toBe('maxSteps');
    expect(sendStats().stretch).toBe(live + 2);
    await turn();
    expect(sendStats().stretch).toBe(0);
  });

  it('keeps only the newest message per display once the stretch is spent, and sends it at the next turn', async () => {
    const sent: Sent[] = [];
    setDisplayWriter((content, update) => sent.push({ content, update }));
    await turn();
    for (let i = 0; i < SEND_BUDGET.perStretch; i++) {
      sendBundle({ data: { 'text/plain': `x${i}` } }, 'filler', i > 0);
    }
    expect(liveFrameAllowed()).toBe(false);
    sendBundle({ data: { 'text/plain': 'a0' } }, 'a', false);
    for (let i = 1; i <= 500; i++) {
      updateDisplay('a', { data: { 'text/plain': `a${i}` } });
    }
    expect(sent).toHaveLength(SEND_BUDGET.perStretch);
    await turn();
    // The display is created (never an update of an unknown id) with its newest content.
    expect(sent).toHaveLength(SEND_BUDGET.perStretch + 1);
    expect(sent.at(-1)).toEqual({
      content: { data: { 'text/plain': 'a500' }, metadata: {}, transient: { display_id: 'a' } },
      update: false,
    });
  });

  it('waits on a busy channel (EBUSY) and delivers the newest frame at the next turn', async () => {
    const sent: Sent[] = [];
    let busy = true;
    setDisplayWriter((content, update) => {
      if (busy) {
        throw Object.assign(new Error('Socket is busy writing'), { code: 'EBUSY' });
      }
      sent.push({ content, update });
    });
    updateDisplay('b', { data: { 'text/plain': 'old' } });
    updateDisplay('b', { data: { 'text/plain': 'new' } });
    busy = false;
    await turn();
    expect(sent.map((s) => s.content.data['text/plain'])).toEqual(['new']);
  });

  it('reports a refused message once (console.error), and never retries that display', async () => {
    const write = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let calls = 0;
    setDisplayWriter(() => {
      calls++;
      throw new TypeError('Do not know how to serialize a BigInt');
    });
    for (let i = 0; i < 100; i++) {
      updateDisplay('c', { data: { 'text/plain': String(i) } });
    }
    await turn();
    await turn();
    expect(calls).toBe(1);
    expect(sendStats().refused).toBeGreaterThanOrEqual(1);
    const reports = write.mock.calls.map((c) => String(c[0]));
    expect(reports).toEqual([
      'losslab: a display could not be sent and was dropped: Do not know how to serialize a BigInt',
    ]);
  });
});

describe('how a live run ends', () => {
  it('an error: the last frame and progress line say where and why', () => {
    const sent: Sent[] = [];
    setDisplayWriter((content, update) => sent.push({ content, update }));
    const cb = liveLossCurve({ throttleMs: 0 });
    const bar = progress({ throttleMs: 0, label: 'gd' });
    const h = history();
    train(h, 40, 100, [cb, bar]);
    h.stopReason = 'error';
    h.stopMessage = "stopped by an error at step 41: poissonNllLoss: 'pred' has -1 at index 3";
    cb.onEnd?.(h, new Error('x'));
    bar.onEnd?.(h, new Error('x'));
    const curve = sent.filter((s) => LOSS_CURVE_MIME in s.content.data);
    const run = (curve.at(-1)?.content.data[LOSS_CURVE_MIME] as LossCurvePayload).runs[0];
    expect(run?.stopReason).toBe('error');
    expect(run?.stopMessage).toBe(h.stopMessage);
    expect(run?.updatedAt).toBeUndefined();
    // Earlier frames were 'running', with the time they were made.
    const first = (curve[0]?.content.data[LOSS_CURVE_MIME] as LossCurvePayload).runs[0];
    expect(first?.stopReason).toBe('running');
    expect(first?.updatedAt).toBeGreaterThan(Date.now() - 60_000);
    const line = String(sent.at(-1)?.content.data['text/plain']);
    expect(line).toMatch(
      /^gd {2}step 40\/100 {2}loss 0\.025 .* stopped by an error at step 41: poissonNllLoss: 'pred' has -1 at index 3 after /,
    );
  });

  it('an interrupt seen on stderr closes every open live display as interrupted', () => {
    const sent: Sent[] = [];
    setDisplayWriter((content, update) => sent.push({ content, update }));
    const original = process.stderr.write;
    const quiet = vi.fn(() => true);
    process.stderr.write = quiet as unknown as typeof process.stderr.write;
    try {
      const cb = liveLossCurve({ throttleMs: 0 });
      const bar = progress({ throttleMs: 0, label: 'gd' });
      const h = history();
      train(h, 7, 100, [cb, bar]);
      const before = sent.length;
      // What tslab prints when Kernel > Interrupt terminates the cell.
      process.stderr.write('Error: Script execution was interrupted by `SIGINT`\n');
      expect(quiet).toHaveBeenCalledWith('Error: Script execution was interrupted by `SIGINT`\n');
      expect(sent.length).toBe(before + 2);
      const run = (
        sent.find((s, i) => i >= before && LOSS_CURVE_MIME in s.content.data)?.content.data[
          LOSS_CURVE_MIME
        ] as LossCurvePayload
      ).runs[0];
      expect(run).toMatchObject({
        stopReason: 'interrupted',
        steps: 7,
        stopMessage: 'interrupted at step 7',
      });
      expect(String(sent.at(-1)?.content.data['text/plain'])).toContain('interrupted at step 7');
      // Once closed, a second interrupt message sends nothing.
      process.stderr.write('Script execution was interrupted\n');
      expect(sent.length).toBe(before + 2);
    } finally {
      process.stderr.write = original;
    }
  });
});
