import type { BadInputCase } from '../badInputCase';

export const trainingCases: BadInputCase[] = [];
