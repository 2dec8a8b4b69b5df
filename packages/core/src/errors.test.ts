import { describe, expect, it } from 'vitest';
import { mseLoss } from './losses/mseLoss';
import { fit } from './training/fit';
import { linearRegression } from './models/linearRegression';
import { makeArticleData } from './data/makeArticleData';
import { sgd } from './optim/sgd';
import { LosslabError } from './errors';

/** The stack's frames ("at …" lines). */
function frames(error: unknown): string[] {
  return String((error as Error).stack)
    .split('\n')
    .filter((l) => /^\s*at /.test(l));
}

function thrown(f: () => unknown): LosslabError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(LosslabError);
    return e as LosslabError;
  }
  throw new Error('did not throw');
}

describe('LosslabError', () => {
  it("starts its stack at the caller's line, not inside the library", () => {
    const e = thrown(() => mseLoss(new Float64Array([1, 2]), new Float64Array([1])));
    expect(e.stack?.split('\n')[0]).toBe(`LosslabError: ${e.message}`);
    const first = frames(e)[0] ?? '';
    expect(first).toContain('errors.test.ts');
    expect(frames(e).some((l) => /[\\/]src[\\/](?:losses|check)/.test(l))).toBe(false);
  });

  it('leaves out the frames of a deep call (fit checks its options, a loss checks its input)', () => {
    const data = makeArticleData();
    const e = thrown(() =>
      fit(linearRegression({ features: 1 }), data, {
        optimizer: sgd(0.1),
        loss: 'mse',
        lossOptions: { redution: 'sum' },
        maxSteps: 3,
      }),
    );
    expect(e.message).toMatch(/^mseLoss: unknown option 'redution'/);
    expect(frames(e)[0]).toContain('errors.test.ts');
    expect(frames(e).filter((l) => /[\\/]src[\\/](?!.*\.test\.)/.test(l))).toEqual([]);
  });

  it("ignores a line prepended to its stack (Node vm's arrow), takes any other stack", () => {
    const e = new LosslabError('f', 'x', 'bad');
    const stack = e.stack as string;
    e.stack = `/lib/checkOptions.js:41\n    throw new LosslabError(…)\n    ^\n${stack}`;
    expect(e.stack).toBe(stack);
    e.stack = 'LosslabError: f: bad\n    at elsewhere';
    expect(e.stack).toBe('LosslabError: f: bad\n    at elsewhere');
  });

  it("keeps the caller's frames of an error it makes itself", () => {
    const e = new LosslabError('f', 'x', 'bad');
    expect(frames(e)[0]).toContain('errors.test.ts');
    expect(e.message).toBe('f: bad');
    expect(e.fn).toBe('f');
    expect(e.arg).toBe('x');
  });
});
