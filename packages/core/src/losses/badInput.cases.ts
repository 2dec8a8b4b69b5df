import type { BadInputCase } from '../badInputCase';

export const lossCases: BadInputCase[] = [];
