import { describe, expect, it } from 'vitest';
import { mseLoss } from './mseLoss';

describe('mseLoss', () => {
  it('runs its JSDoc example', () => {
    const { value, grad } = mseLoss(new Float64Array([1, 2]), new Float64Array([0, 4]));
    expect(value).toBe(2.5);
    expect(Array.from(grad)).toEqual([1, -2]);
  });
});
