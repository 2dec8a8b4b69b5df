import { describe, expect, it } from 'vitest';
import { applyUpdates } from './applyUpdates';

describe('applyUpdates', () => {
  it('runs its JSDoc example', () => {
    const params = new Float64Array([1, 2]);
    applyUpdates(params, new Float64Array([-0.5, 0.5]));
    expect(Array.from(params)).toEqual([0.5, 2.5]);
  });
});
