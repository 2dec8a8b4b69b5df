import type { BadInputCase } from '../badInputCase';

export const dataCases: BadInputCase[] = [];
