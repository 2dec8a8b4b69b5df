// Documentation examples run: every ```ts block of the READMEs is compiled and executed against
// the built packages, and each `console.log(...); // => expected` line must print `expected`
// (a note in parentheses after it is not part of the expected text).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
// The kernel's README has its own test (packages/kernel), which can fake a kernel around it.
const READMES = ['README.md', 'packages/core/README.md'];
const blocks = READMES.flatMap((file) =>
  [...readFileSync(join(root, file), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map(
    (m, i) => [`${file} example ${i + 1}`, m[1] as string] as const,
  ),
);

function run(source: string): string[] {
  const printed: string[] = [];
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const module = { exports: {} };
  const log = (...args: unknown[]): void => {
    printed.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  };
  runInNewContext(outputText, {
    require: createRequire(join(root, 'notebooks', 'x.ts')),
    module,
    exports: module.exports,
    console: { log, info: log, warn: log, error: log },
    Float64Array,
    Float32Array,
    process,
  });
  return printed;
}

describe('README examples', () => {
  it('has examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
  });

  it.each(blocks)('%s runs and prints what it says', (_name, source) => {
    const expected = source
      .split('\n')
      .filter((line) => line.includes('console.log(') && line.includes('// => '))
      .map((line) => line.split('// => ')[1]?.split(' (')[0]?.trim());
    const printed = run(source);
    // Lines without a marker (summaries, charts' text fallback) may print too; the marked ones
    // must appear, in order.
    let at = 0;
    for (const want of expected) {
      const found = printed.indexOf(want as string, at);
      expect(found, `expected "${want}" in ${JSON.stringify(printed)}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });
});
