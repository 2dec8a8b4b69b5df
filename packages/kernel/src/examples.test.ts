// Every `@example` in this package's JSDoc and every ```ts block of its README runs here, verbatim.
// An example whose last line is a comment `// prints: X` must print X (outside a kernel displays
// print their text/plain); one whose last line is a comment holding a JS literal must evaluate its
// last statement to that value; any other example must run without throwing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as core from '@losslab/core';
import * as api from './index';

interface Example {
  where: string;
  code: string;
}

function jsdocExamples(): Example[] {
  const out: Example[] = [];
  for (const file of readdirSync(__dirname).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
  )) {
    const text = readFileSync(join(__dirname, file), 'utf8');
    for (const m of text.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
      const body = (m[1] as string).split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
      const start = body.findIndex((l) => l.startsWith('@example'));
      if (start >= 0) {
        const lines = body.slice(start + 1);
        const end = lines.findIndex((l) => l.startsWith('@'));
        out.push({
          where: `${file}: ${lines.find((l) => l.trim() !== '')?.trim()}`,
          code: lines
            .slice(0, end < 0 ? undefined : end)
            .join('\n')
            .trim(),
        });
      }
    }
  }
  return out;
}

function readmeExamples(): Example[] {
  const text = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m, i) => ({
    where: `README.md block ${i + 1}`,
    code: (m[1] as string).trim(),
  }));
}

type Expectation =
  { kind: 'prints'; text: string } | { kind: 'value'; value: unknown } | { kind: 'runs' };

function prepare(code: string): { source: string; expect: Expectation } {
  const lines = code.split('\n');
  const imports = lines.filter((l) => l.startsWith('import '));
  const body = lines.filter((l) => !l.startsWith('import '));
  const last = (body[body.length - 1] ?? '').trim();
  let expectation: Expectation = { kind: 'runs' };
  let statements = body;
  if (last.startsWith('// prints: ')) {
    expectation = { kind: 'prints', text: last.slice('// prints: '.length) };
  } else if (last.startsWith('// ')) {
    let value: unknown;
    let parsed = false;
    try {
      value = new Function(`return (${last.slice(3)});`)();
      parsed = true;
    } catch {
      parsed = false;
    }
    if (parsed) {
      expectation = { kind: 'value', value };
      // The statement before the trailing comments is the value to check.
      let k = body.length - 1;
      while (
        k >= 0 &&
        ((body[k] as string).trim().startsWith('//') || (body[k] as string).trim() === '')
      ) {
        k--;
      }
      let s = k;
      while (s > 0 && /^[\s)\]}]/.test(body[s] as string)) {
        s--;
      }
      statements = [
        ...body.slice(0, s),
        `return (${body
          .slice(s, k + 1)
          .join('\n')
          .replace(/;\s*$/, '')});`,
      ];
    }
  }
  // JSDoc examples use the package's names without importing them.
  const header =
    imports.length > 0
      ? imports.join('\n')
      : `import { ${Object.keys(api).join(', ')} } from '@losslab/kernel';`;
  return {
    source: `${header}\nexport function __example(): unknown {\n${statements.join('\n')}\n}\n`,
    expect: expectation,
  };
}

function run(source: string): unknown {
  const js = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
  }).outputText;
  const exports: { __example?: () => unknown } = {};
  const req = (id: string): unknown => {
    if (id === '@losslab/kernel') {
      return api;
    }
    if (id === '@losslab/core') {
      return core;
    }
    throw new Error(`example requires ${id}`);
  };
  new Function('exports', 'require', js)(exports, req);
  return exports.__example?.();
}

let printed = '';
beforeEach(() => {
  api.setDisplayWriter(null);
  printed = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed += String(chunk);
    return true;
  });
});
afterEach(() => {
  api.setDisplayWriter(undefined);
  vi.restoreAllMocks();
});

const examples = [...jsdocExamples(), ...readmeExamples()];

describe('documentation examples run as written', () => {
  it('found the examples', () => {
    expect(jsdocExamples().length).toBeGreaterThanOrEqual(24);
    expect(readmeExamples().length).toBeGreaterThanOrEqual(4);
  });

  it.each(examples.map((e) => [e.where, e] as const))('%s', (_where, e) => {
    const { source, expect: expectation } = prepare(e.code);
    const value = run(source);
    if (expectation.kind === 'prints') {
      expect(printed.trim()).toBe(expectation.text);
    } else if (expectation.kind === 'value') {
      expect(value).toEqual(expectation.value);
    }
  });
});
