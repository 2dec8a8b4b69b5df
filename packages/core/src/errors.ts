/**
 * The error every losslab function throws for bad input. Its message always starts with the
 * function's name and names the argument: `mseLoss: 'target' has length 3 but 'pred' has 4`.
 */
export class LosslabError extends Error {
  /** The function that rejected its input. */
  readonly fn: string;
  /** The argument that was wrong. */
  readonly arg: string;

  constructor(fn: string, arg: string, message: string) {
    super(`${fn}: ${message}`);
    this.name = 'LosslabError';
    this.fn = fn;
    this.arg = arg;
  }
}
