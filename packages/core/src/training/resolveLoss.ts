import { LosslabError } from '../errors';
import { getLoss, losses } from '../losses/registry';
import type { LossFn, LossInfo } from '../losses/registry';
import type { Model } from '../models/Model';

/** Prediction domains no unconstrained model output can satisfy. */
const BOUNDED = new Set(['probability', 'log-probability', 'distribution']);

/** The loss a model trains with when `fit` is given none. */
function defaultLoss(model: Model): string {
  if (model.output === 'real') {
    return 'mse';
  }
  return model.outputSize === 1 ? 'bceWithLogits' : 'softmaxCrossEntropy';
}

/**
 * Throws when the loss cannot train the model: its predictions must lie in a range the model's
 * outputs do not respect (probabilities, distributions), or a classifier's logits would be fitted
 * as regression values.
 */
export function checkPairing(model: Model, info: LossInfo): void {
  const suggest = model.outputSize === 1 ? `'bceWithLogits'` : `'softmaxCrossEntropy'`;
  if (info.inputs !== undefined) {
    throw new LosslabError(
      'fit',
      'loss',
      `loss '${info.id}' takes (${info.inputs.join(', ')}), not a model's predictions and ` +
        `targets; call it directly, or train with a loss such as ${suggest}`,
    );
  }
  if (BOUNDED.has(info.pred)) {
    throw new LosslabError(
      'fit',
      'loss',
      `loss '${info.id}' takes predictions that are a ${info.pred}, but model '${model.name}' ` +
        `outputs unbounded ${model.output === 'logits' ? 'logits' : 'real values'}; ` +
        `use a loss on logits such as ${suggest}`,
    );
  }
  if (model.output === 'logits' && info.kind === 'regression') {
    throw new LosslabError(
      'fit',
      'loss',
      `loss '${info.id}' is a regression loss, but model '${model.name}' outputs class logits; ` +
        `use a classification loss such as ${suggest}`,
    );
  }
}

/**
 * The loss function `fit` calls and the options it passes (the caller's, plus `classes` when the
 * targets are class indices of a model with several outputs). A registry id or a registered
 * function is checked against the model; an unregistered function is trusted.
 */
export function resolveLoss(
  model: Model,
  loss: string | LossFn | undefined,
  lossOptions: Record<string, unknown> | undefined,
  targetWidth: number,
): { fn: LossFn; options: Record<string, unknown>; id: string | undefined } {
  let info: LossInfo | undefined;
  let fn: LossFn;
  if (loss === undefined || typeof loss === 'string') {
    const id = loss ?? defaultLoss(model);
    try {
      info = getLoss(id);
    } catch {
      throw new LosslabError(
        'fit',
        'loss',
        `unknown loss '${id}' (expected one of ${losses.map((l) => `'${l.id}'`).join(', ')})`,
      );
    }
    fn = info.fn;
  } else if (typeof loss === 'function') {
    fn = loss;
    info = losses.find((l) => l.fn === loss);
  } else {
    throw new LosslabError(
      'fit',
      'loss',
      `'loss' must be a loss id such as 'mse' or a loss function`,
    );
  }
  if (info !== undefined) {
    checkPairing(model, info);
  }
  if (lossOptions !== undefined && (typeof lossOptions !== 'object' || lossOptions === null)) {
    throw new LosslabError('fit', 'lossOptions', `'lossOptions' must be an object`);
  }
  const options: Record<string, unknown> = { ...lossOptions };
  if (model.outputSize > 1 && targetWidth === 1 && options.classes === undefined) {
    options.classes = model.outputSize;
  }
  return { fn, options, id: info?.id };
}
