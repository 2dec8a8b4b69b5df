// glibcLog against C's log() from the libm numpy itself calls (fixtures/log.json, written by
// scripts/gen_random_fixtures.py through ctypes), compared bit for bit.
import { describe, expect, it } from 'vitest';
import { glibcLog, glibcLogReference } from './glibcLog';
import { RandomState } from './RandomState';
import { loadFixture } from './fixtures/loadFixture';

const fixture = loadFixture<{ x: number[]; log: number[] }>('log.json');

describe('glibcLog', () => {
  it('runs its JSDoc example', () => {
    expect(glibcLog(0.5)).toBe(-0.6931471805599453);
  });

  it("equals glibc's log bit for bit on the polar method's inputs and across the range", () => {
    const mismatches: string[] = [];
    for (let i = 0; i < fixture.x.length; i++) {
      const x = fixture.x[i] as number;
      const got = glibcLog(x);
      if (!Object.is(got, fixture.log[i])) {
        mismatches.push(`log(${x}) = ${got}, glibc ${fixture.log[i]}`);
      }
    }
    expect(fixture.x.length).toBeGreaterThan(8000);
    expect(mismatches.slice(0, 5)).toEqual([]);
    for (const x of fixture.x) {
      expect(Object.is(glibcLogReference(x), glibcLog(x))).toBe(true);
    }
  });

  it("differs from V8's Math.log on some of those inputs (why it exists)", () => {
    let differ = 0;
    for (let i = 0; i < fixture.x.length; i++) {
      if (!Object.is(Math.log(fixture.x[i] as number), fixture.log[i])) {
        differ++;
      }
    }
    expect(differ).toBeGreaterThan(0);
  });

  it('handles the special values as C does', () => {
    expect(glibcLog(0)).toBe(-Infinity);
    expect(glibcLog(-0)).toBe(-Infinity);
    expect(glibcLog(-1)).toBeNaN();
    expect(glibcLog(NaN)).toBeNaN();
    expect(glibcLog(Infinity)).toBe(Infinity);
    expect(Object.is(glibcLog(1), 0)).toBe(true);
  });
});

describe('glibcLog fast path', () => {
  it('agrees with the all-fma reference on 200,000 inputs', () => {
    const rs = new RandomState(7);
    const u = rs.randomSample(100000);
    const e = rs.uniform(-740, 700, 100000);
    let differ = 0;
    for (let i = 0; i < u.length; i++) {
      const a = u[i] as number;
      const b = Math.exp(e[i] as number);
      if (!Object.is(glibcLog(a), glibcLogReference(a))) {
        differ++;
      }
      if (!Object.is(glibcLog(b), glibcLogReference(b))) {
        differ++;
      }
    }
    expect(differ).toBe(0);
  });
});
