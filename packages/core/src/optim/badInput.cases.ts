import type { BadInputCase } from '../badInputCase';

export const optimCases: BadInputCase[] = [];
