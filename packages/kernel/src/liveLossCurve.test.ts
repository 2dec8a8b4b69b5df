import type { History } from '@losslab/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DisplayContent } from './display';
import { setDisplayWriter } from './display';
import { liveLossCurve } from './liveLossCurve';
import { LOSS_CURVE_MIME } from './payload';
import type { LossCurvePayload } from './payload';
import { progress } from './progress';

function emptyHistory(name: string): History {
  return {
    name,
    loss: [],
    learningRate: [],
    gradNorm: [],
    valLoss: [],
    valStep: [],
    snapshots: [],
    steps: 0,
    stopReason: 'maxSteps',
    stopMessage: '',
  };
}

/** Trains for `steps` fake milliseconds-long steps, calling the callback like fit does. */
function train(
  cb: ReturnType<typeof liveLossCurve>,
  steps: number,
  msPerStep: number,
  clock: { now: number },
): History {
  const h = emptyHistory('gd');
  for (let step = 1; step <= steps; step++) {
    clock.now += msPerStep;
    const loss = 1 / step;
    h.loss.push(loss);
    h.learningRate.push(0.1);
    h.gradNorm.push(1);
    h.steps = step;
    cb.onStep?.({ step, maxSteps: steps, loss, learningRate: 0.1, gradNorm: 1, history: h });
  }
  h.stopMessage = `reached maxSteps ${steps}`;
  cb.onEnd?.(h);
  return h;
}

afterEach(() => {
  setDisplayWriter(undefined);
  vi.restoreAllMocks();
});

describe('liveLossCurve', () => {
  it('updates one output at most every throttleMs, then once with the final history', () => {
    const clock = { now: 0 };
    vi.spyOn(performance, 'now').mockImplementation(() => clock.now);
    const sent: { content: DisplayContent; update: boolean; at: number }[] = [];
    setDisplayWriter((content, update) => sent.push({ content, update, at: clock.now }));
    // 10,000 steps of 1 ms: 10 s, so about 40 draws at 250 ms.
    const h = train(liveLossCurve(), 10_000, 1, clock);
    expect(sent[0]?.update).toBe(false);
    expect(sent.slice(1).every((s) => s.update)).toBe(true);
    expect(new Set(sent.map((s) => s.content.transient.display_id)).size).toBe(1);
    expect(sent.length).toBeGreaterThanOrEqual(38);
    expect(sent.length).toBeLessThanOrEqual(42);
    for (let i = 1; i < sent.length - 1; i++) {
      expect((sent[i]?.at as number) - (sent[i - 1]?.at as number)).toBeGreaterThanOrEqual(250);
    }
    const last = sent.at(-1)?.content.data[LOSS_CURVE_MIME] as LossCurvePayload;
    expect(last.runs[0]).toMatchObject({
      steps: 10_000,
      final: h.loss.at(-1),
      stopReason: 'maxSteps',
      stopMessage: 'reached maxSteps 10000',
    });
    const middle = sent[5]?.content.data[LOSS_CURVE_MIME] as LossCurvePayload;
    expect(middle.runs[0]?.stopReason).toBe('running');
  });

  it('honours throttleMs and starts a new output for the next fit', () => {
    const clock = { now: 0 };
    vi.spyOn(performance, 'now').mockImplementation(() => clock.now);
    const sent: { content: DisplayContent; update: boolean }[] = [];
    setDisplayWriter((content, update) => sent.push({ content, update }));
    const live = liveLossCurve({ throttleMs: 1000, title: 'slow' });
    train(live, 5000, 1, clock);
    expect(sent.length).toBeGreaterThanOrEqual(5);
    expect(sent.length).toBeLessThanOrEqual(7);
    const firstId = sent[0]?.content.transient.display_id;
    const count = sent.length;
    train(live, 10, 1, clock);
    expect(sent[count]?.update).toBe(false);
    expect(sent[count]?.content.transient.display_id).not.toBe(firstId);
  });

  it('reads the clock rarely when steps are fast, and still draws', () => {
    let reads = 0;
    const clock = { now: 0 };
    vi.spyOn(performance, 'now').mockImplementation(() => {
      reads++;
      return clock.now;
    });
    const sent: unknown[] = [];
    setDisplayWriter(() => sent.push(1));
    // 200,000 steps of 10 microseconds: 2 s.
    train(liveLossCurve(), 200_000, 0.01, clock);
    expect(reads).toBeLessThan(20_000);
    expect(sent.length).toBeGreaterThanOrEqual(5);
  });

  it('keeps every message under 64 KB at 1,000,000 steps', () => {
    const clock = { now: 0 };
    vi.spyOn(performance, 'now').mockImplementation(() => clock.now);
    const sizes: number[] = [];
    setDisplayWriter((content) => sizes.push(JSON.stringify(content).length));
    train(liveLossCurve({ smoothing: 0.9 }), 1_000_000, 0.002, clock);
    expect(sizes.length).toBeGreaterThan(5);
    expect(Math.max(...sizes)).toBeLessThan(64 * 1024);
  }, 60_000);

  it('prints the summary line at the end outside tslab', () => {
    setDisplayWriter(null);
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    train(liveLossCurve({ title: 'plain' }), 3, 1, { now: 0 });
    expect(write.mock.calls.map((c) => c[0])).toEqual([
      'plain: gd: 3 steps, final 0.3333, min 0.3333 at step 3 (maxSteps)\n',
    ]);
  });

  it('rejects bad options before training starts', () => {
    expect(() => liveLossCurve({ throttleMs: -1 })).toThrow(
      "liveLossCurve: 'throttleMs' must be a non-negative number, got -1",
    );
    expect(() => liveLossCurve({ smoothing: 2 })).toThrow(
      "liveLossCurve: 'smoothing' must be in [0, 1), got 2",
    );
  });
});

describe('progress', () => {
  it('updates one text line in place and ends with "done in"', () => {
    const clock = { now: 0 };
    vi.spyOn(performance, 'now').mockImplementation(() => clock.now);
    const sent: { content: DisplayContent; update: boolean }[] = [];
    setDisplayWriter((content, update) => sent.push({ content, update }));
    train(progress({ label: 'adam' }), 2000, 1, clock);
    expect(new Set(sent.map((s) => s.content.transient.display_id)).size).toBe(1);
    expect(sent.length).toBeGreaterThanOrEqual(7);
    expect(sent.length).toBeLessThanOrEqual(9);
    const lines = sent.map((s) => s.content.data['text/plain'] as string);
    // The first line comes one interval in: 250 steps of 1 ms.
    expect(lines[0]).toMatch(
      /^adam {2}step 25\d\/2000 {2}loss 0\.00\d+ {2}1000 steps\/s {2}ETA 1\.[78] s$/,
    );
    expect(lines.at(-1)).toBe('adam  step 2000/2000  loss 0.0005  1000 steps/s  done in 2.0 s');
  });
});
