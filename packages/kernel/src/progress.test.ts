import { describe, expect, it } from 'vitest';
import { formatDuration, progressLine } from './progress';

describe('progressLine', () => {
  it('shows step of total, loss, rate and time left', () => {
    expect(
      progressLine({ label: 'adam', step: 250, maxSteps: 1000, loss: 0.0123456, elapsedMs: 500 }),
    ).toBe('adam  step 250/1000  loss 0.01235  500 steps/s  ETA 1.5 s');
    expect(
      progressLine({ label: '', step: 10, maxSteps: 10, loss: 2, elapsedMs: 0, done: true }),
    ).toBe('step 10/10  loss 2  - steps/s  done in 0 ms');
  });
});

describe('formatDuration', () => {
  it('picks the unit', () => {
    expect([850, 12_340, 245_000, 7_380_000, Number.NaN].map(formatDuration)).toEqual([
      '850 ms',
      '12.3 s',
      '4 min 05 s',
      '2 h 03 min',
      '?',
    ]);
  });
});
