// tslab type-checks every notebook cell with TypeScript 5.0.4 and `moduleResolution: node10`.
// This compiles a consumer (consumer.ts) against the built .d.ts of @losslab/core and
// @losslab/kernel with that very compiler (tslab's own copy) and tslab's options.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as TypeScript from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const requireFromTslab = createRequire(join(root, 'node_modules', 'tslab', 'package.json'));
const ts = requireFromTslab('@tslab/typescript-for-tslab') as typeof TypeScript;

describe("the packages' declarations under tslab's TypeScript", () => {
  it('is the compiler tslab uses', () => {
    expect(ts.version).toBe('5.0.4');
  });

  it('type-checks a notebook-style consumer with no errors', () => {
    const program = ts.createProgram([join(__dirname, 'consumer.ts')], {
      // tslab's options (src/converter.ts), but with the library check on: our .d.ts must parse.
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      esModuleInterop: true,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts'],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      // tslab takes @types from the default type roots of the notebook's folder: the repo's.
      types: ['node'],
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file ? `${d.file.fileName.replace(root, '')}: ` : '';
      return where + ts.flattenDiagnosticMessageText(d.messageText, '\n');
    });
    expect(diagnostics).toEqual([]);
  });
});
