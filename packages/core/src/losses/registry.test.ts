import { describe, expect, it } from 'vitest';
import { LosslabError } from '../errors';
import { LOSS_IDS } from './LossId';
import { getLoss, losses } from './registry';

const CONTRACT_FNS = [
  'mseLoss',
  'maeLoss',
  'huberLoss',
  'smoothL1Loss',
  'logCoshLoss',
  'quantileLoss',
  'msleLoss',
  'mapeLoss',
  'poissonNllLoss',
  'gaussianNllLoss',
  'bceLoss',
  'bceWithLogitsLoss',
  'softmaxCrossEntropy',
  'nllLoss',
  'crossEntropy',
  'klDivLoss',
  'focalLoss',
  'hingeLoss',
  'squaredHingeLoss',
  'multiMarginLoss',
  'tweedieLoss',
  'cosineSimilarityLoss',
  'softMarginLoss',
  'multiLabelSoftMarginLoss',
  'multiLabelMarginLoss',
  'multiclassHingeLoss',
  'categoricalHingeLoss',
  'diceLoss',
  'tverskyLoss',
  'ctcLoss',
  'hingeEmbeddingLoss',
  'cosineEmbeddingLoss',
  'marginRankingLoss',
  'tripletMarginLoss',
];

/** A valid target in each target domain, for a prediction sweep of n points. */
function targetFor(domain: string, n: number): Float64Array {
  const t = new Float64Array(n);
  switch (domain) {
    case 'sign':
      return t.fill(1);
    case 'binary01':
    case 'probability':
    case 'distribution':
      return t.fill(0.5);
    default:
      return t.fill(0.5);
  }
}

/** A sweep of valid predictions in each prediction domain. */
function sweep(domain: string, n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => {
    const u = (i + 0.5) / n;
    switch (domain) {
      case 'probability':
      case 'distribution':
        return u;
      case 'positive':
        return 4 * u;
      case 'log-probability':
        return -4 * u;
      default:
        return -3 + 6 * u;
    }
  });
}

describe('losses registry', () => {
  it('runs its JSDoc example', () => {
    const huber = getLoss('huber');
    const { value } = huber.fn(new Float64Array([3]), new Float64Array([0]));
    // value = 1 * (3 - 0.5) = 2.5
    expect(value).toBe(2.5);
  });

  it('lists every loss of the contract once, under unique ids', () => {
    expect(losses.map((l) => l.fn.name).sort()).toEqual([...CONTRACT_FNS].sort());
    expect(new Set(losses.map((l) => l.id)).size).toBe(losses.length);
    // LossId lists exactly the registered ids (the entries' type rejects ids it does not list).
    expect(losses.map((l) => l.id)).toEqual([...LOSS_IDS]);
    for (const id of ['mse', 'mae', 'huber', 'bce', 'bceWithLogits', 'softmaxCrossEntropy']) {
      expect(getLoss(id).id).toBe(id);
    }
  });

  it('gives every loss a name, LaTeX formulas and defaults that the function accepts', () => {
    for (const info of losses) {
      expect(info.name.length).toBeGreaterThan(0);
      expect(info.formula.length).toBeGreaterThan(0);
      expect(info.gradFormula.length).toBeGreaterThan(0);
      expect(info.defaults.reduction).toBe('mean');
      expect(Object.isFrozen(info)).toBe(true);
    }
  });

  it('lets a notebook sweep every elementwise loss over its prediction domain', () => {
    for (const info of losses.filter((l) => l.elementwise)) {
      const pred = sweep(info.pred, 41);
      const r = info.fn(pred, targetFor(info.target, 41), { reduction: 'none' });
      expect(r.values, info.id).not.toBeNull();
      expect(r.values!.length).toBe(41);
      expect(r.grad.length).toBe(41);
      for (const v of r.values!) {
        expect(Number.isFinite(v), info.id).toBe(true);
      }
    }
  });

  it('calls its defaults the same as no options', () => {
    for (const info of losses.filter((l) => l.elementwise)) {
      const pred = sweep(info.pred, 5);
      const target = targetFor(info.target, 5);
      expect(info.fn(pred, target, { ...info.defaults }).value, info.id).toBe(
        info.fn(pred, target).value,
      );
    }
  });

  it('names the inputs of the losses that take more than (pred, target)', () => {
    const multi = losses.filter((l) => l.inputs !== undefined);
    expect(multi.map((l) => l.id).sort()).toEqual([
      'cosineEmbedding',
      'marginRanking',
      'tripletMargin',
    ]);
    for (const info of multi) {
      expect(info.elementwise).toBe(false);
      // Each such function takes its arrays, then options.
      expect(info.fn.length).toBe((info.inputs as readonly string[]).length + 1);
    }
    expect(getLoss('tripletMargin').inputs).toEqual(['anchor', 'positive', 'negative']);
  });

  it('rejects an unknown id, listing the known ones', () => {
    expect(() => getLoss('l3')).toThrow(LosslabError);
    expect(() => getLoss('l3')).toThrow(/^getLoss: unknown loss 'l3' \(known: mse, mae, /);
  });
});
