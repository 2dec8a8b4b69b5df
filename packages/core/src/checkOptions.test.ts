import { describe, expect, it } from 'vitest';
import { checkOptions } from './checkOptions';
import { LosslabError } from './errors';

const KEYS = ['reduction', 'weight', 'out', 'delta'];

/** The LosslabError `run` throws (fails the test when it throws nothing or something else). */
function thrown(run: () => unknown): LosslabError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(LosslabError);
    return e as LosslabError;
  }
  throw new Error('expected a LosslabError');
}

describe('checkOptions', () => {
  it('runs its JSDoc example', () => {
    const opts = checkOptions('huberLoss', { delta: 2 }, KEYS);
    expect(opts.delta).toBe(2);
    expect(() => checkOptions('huberLoss', { dleta: 2 }, KEYS)).toThrow(
      "huberLoss: unknown option 'dleta' (did you mean 'delta'? valid options: reduction, weight, out, delta)",
    );
  });

  it('returns the object itself, and an empty one for undefined', () => {
    const o = { reduction: 'sum', delta: undefined };
    expect(checkOptions('f', o, KEYS)).toBe(o);
    expect(checkOptions('f', undefined, KEYS)).toEqual({});
  });

  it.each([
    ['a string', 'sum', "the string 'sum'"],
    ['null', null, 'null'],
    ['a number', 2, 'number 2'],
    ['a boolean', true, 'boolean true'],
    ['an array', [1], 'an array'],
    ['a typed array', new Float32Array(1), 'a Float32Array'],
    ['a function', () => 1, 'a function'],
  ])('rejects %s by name', (_what, value, described) => {
    const e = thrown(() => checkOptions('mseLoss', value as object, KEYS));
    expect(e.fn).toBe('mseLoss');
    expect(e.arg).toBe('options');
    expect(e.message).toBe(`mseLoss: 'options' must be an object, got ${described}`);
  });

  it('suggests the nearest key within two edits, case ignored, or none', () => {
    expect(thrown(() => checkOptions('f', { Reduction: 'sum' }, KEYS)).message).toContain(
      "did you mean 'reduction'?",
    );
    expect(thrown(() => checkOptions('f', { wieght: 1 }, KEYS)).message).toContain(
      "did you mean 'weight'?",
    );
    expect(thrown(() => checkOptions('f', { classes: 3 }, KEYS)).message).toBe(
      "f: unknown option 'classes' (valid options: reduction, weight, out, delta)",
    );
  });

  it('names a nested object by its argument', () => {
    const e = thrown(() => checkOptions('f', { grd: 1 }, ['grad', 'values'], 'out'));
    expect(e.arg).toBe('out');
    expect(e.message).toBe(
      "f: unknown key 'grd' in 'out' (did you mean 'grad'? valid keys: grad, values)",
    );
  });
});
