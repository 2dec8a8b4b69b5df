import { describe, expect, it } from 'vitest';
import { lossCurveBundle } from './lossCurveBundle';
import { extent } from './extent';
import type { LossCurvePayload } from './payload';

describe('extent', () => {
  it('takes a million values (Math.min(...v) overflowed the stack)', () => {
    const v = Array.from({ length: 1_000_000 }, (_, i) => Math.sin(i));
    const [lo, hi] = extent(v);
    expect(lo).toBeGreaterThanOrEqual(-1);
    expect(hi).toBeLessThanOrEqual(1);
    expect(hi - lo).toBeGreaterThan(1.99);
  });

  it('lets a hand-built payload of a million points be drawn', () => {
    const points: [number, number][] = Array.from({ length: 1_000_000 }, (_, i) => [
      i + 1,
      1 / (i + 1),
    ]);
    const payload: LossCurvePayload = {
      version: 1,
      runs: [
        {
          name: 'big',
          points,
          steps: 1_000_000,
          final: 1e-6,
          min: { step: 1_000_000, loss: 1e-6 },
          stopReason: 'maxSteps',
        },
      ],
      options: { logY: true, smoothing: 0, title: 'big', xLabel: 'step', yLabel: 'loss' },
    };
    expect(String(lossCurveBundle(payload).data['text/plain'])).toContain('big: 1000000 steps');
  });
});
