/** One row of the bad-input table: a call that must throw exactly `message`. */
export interface BadInputCase {
  name: string;
  run: () => unknown;
  message: string;
}
