import type { BadInputCase } from '../badInputCase';
import { accuracy } from './accuracy';
import { meanSquaredError } from './meanSquaredError';
import { r2Score } from './r2Score';

const f64 = (...v: number[]): Float64Array => Float64Array.from(v);
/** Deliberately ill-typed arguments, as plain JavaScript or a notebook may pass them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const untyped = (v: unknown): any => v;

export const metricCases: BadInputCase[] = [
  {
    name: 'accuracy: options is a number',
    run: () => accuracy(f64(0, 1), f64(0, 1), untyped(0.5)),
    message: "accuracy: 'options' must be an object, got number 0.5",
  },
  {
    name: 'accuracy: misspelt threshold',
    run: () => accuracy(f64(0.2, 0.9), f64(0, 1), untyped({ treshold: 0 })),
    message:
      "accuracy: unknown option 'treshold' (did you mean 'threshold'? valid options: classes, threshold)",
  },
  {
    name: 'meanSquaredError: the mean itself beyond 1.8e308',
    run: () => meanSquaredError(f64(1e200), f64(0)),
    message: 'meanSquaredError: the error overflowed to Infinity',
  },
  {
    name: 'r2Score: residuals that dwarf the spread of the targets',
    run: () => r2Score(f64(1e300, 0), f64(1e-300, 0)),
    message: "r2Score: the score overflowed to -Infinity (the residuals dwarf the targets' spread)",
  },
  {
    name: 'r2Score: NaN prediction',
    run: () => r2Score(f64(NaN, 0), f64(1, 0)),
    message: "r2Score: 'pred' has a non-finite value (NaN) at index 0",
  },
];
