// The two editions of the notebooks (notebooks/NN-slug.ipynb in English, notebooks/zh/ in
// Chinese) come from one source per notebook. These checks need no kernel: the committed files
// of both editions have the same cells, their code is the same TypeScript token for token (only
// string literals and comments differ), the same formulas and quoted Python, and each README
// links the other edition. notebooks.test.ts executes both and compares their figures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildNotebook,
  codeDrift,
  editionDir,
  listNotebooks,
  parseSource,
  sourceDir,
} from '../../scripts/notebooks.mjs';

interface Cell {
  cell_type: string;
  id?: string;
  source: string | string[];
}
interface Notebook {
  cells: Cell[];
  metadata: { kernelspec?: { name: string } };
}

const names: string[] = listNotebooks();
const text = (s: string | string[]): string => (Array.isArray(s) ? s.join('') : s);
const committed = (edition: string, name: string): Notebook =>
  JSON.parse(readFileSync(join(editionDir(edition), `${name}.ipynb`), 'utf8')) as Notebook;
const source = (name: string): string => readFileSync(join(sourceDir, `${name}.md`), 'utf8');
const CJK = /[\u4e00-\u9fff]/;

/** Display formulas ($$…$$) and quoted Python (```python fences) of a markdown cell. */
function formulasAndPython(markdown: string): string[] {
  return [
    ...[...markdown.matchAll(/\$\$[\s\S]*?\$\$/g)].map((m) => m[0]),
    ...[...markdown.matchAll(/```python\n[\s\S]*?```/g)].map((m) => m[0]),
  ];
}

describe('the Chinese edition', () => {
  it('has the six notebooks, each built from the shared source, with the tslab kernelspec', () => {
    expect(names).toHaveLength(6);
    for (const name of names) {
      const built = buildNotebook(source(name), 'zh') as Notebook;
      const nb = committed('zh', name);
      expect(nb.cells.map((c) => [c.cell_type, text(c.source)])).toEqual(
        built.cells.map((c) => [c.cell_type, text(c.source)]),
      );
      expect(nb.metadata.kernelspec?.name).toBe('tslab');
    }
  });

  describe.each(names)('%s', (name) => {
    const en = committed('en', name);
    const zh = committed('zh', name);

    it('has the same cells as the English one, in the same order, with the same ids', () => {
      expect(zh.cells.map((c) => [c.cell_type, c.id])).toEqual(
        en.cells.map((c) => [c.cell_type, c.id]),
      );
    });

    it('runs the same code: only string literals and comments differ', () => {
      const pairs = en.cells
        .map((c, i) => [c, zh.cells[i] as Cell] as const)
        .filter(([c]) => c.cell_type === 'code');
      expect(pairs.length).toBeGreaterThan(0);
      for (const [a, b] of pairs) {
        expect(codeDrift(text(a.source), text(b.source))).toBeNull();
      }
      // …and it does say things differently: its check lines are Chinese.
      const zhCode = pairs.map(([, b]) => text(b.source)).join('\n');
      expect(zhCode).toContain("${ok ? '是' : '否'}");
      expect(zhCode).not.toMatch(/'yes'|'NO'/);
    });

    it('is written in Chinese, with the same formulas and the same quoted Python', () => {
      en.cells.forEach((c, i) => {
        const z = zh.cells[i] as Cell;
        if (c.cell_type !== 'markdown') {
          return;
        }
        expect(text(z.source), `cell ${i}`).toMatch(CJK);
        expect(formulasAndPython(text(z.source)), `cell ${i}`).toEqual(
          formulasAndPython(text(c.source)),
        );
      });
    });
  });
});

describe('the shared source', () => {
  const ts = (code: string): string => `\`\`\`ts\n${code}\n\`\`\``;
  const strings = (...pairs: string[]): string => `\`\`\`zh-strings\n${pairs.join('\n')}\n\`\`\``;
  const src = (code: string, table: string, zhProse = '<!-- zh -->\n说明\n<!-- /zh -->'): string =>
    ['Prose', zhProse, ts(code), table].join('\n\n');

  it('gives each edition its prose around one code cell, with the strings translated', () => {
    const s = src(
      "check('it works', ok); // why",
      strings("'it works' ==> '可以运行'", 'why ==> 原因'),
    );
    expect(parseSource(s, 'en')).toEqual([
      { cell_type: 'markdown', source: 'Prose' },
      { cell_type: 'code', source: "check('it works', ok); // why" },
    ]);
    expect(parseSource(s, 'zh')).toEqual([
      { cell_type: 'markdown', source: '说明' },
      { cell_type: 'code', source: "check('可以运行', ok); // 原因" },
    ]);
  });

  it('refuses a translation that changes the code, not only what it says', () => {
    for (const [code, table] of [
      ['const lr = 0.1;', '0.1 ==> 0.2'], // a number
      ['fit(model, data);', 'model ==> modell'], // an identifier
      ['a < b;', '< ==> <='], // an operator
      ["f('a', 1);", "'a', 1 ==> 'a'"], // an argument
    ] as const) {
      expect(() => parseSource(src(code, strings(table)), 'zh'), code).toThrow(/change the code/);
    }
  });

  it('finds drift between two cells by their tokens', () => {
    expect(codeDrift("log(`x ${a}`, 'b'); // c", "log(`甲 ${a}`, '乙'); /* 丙 */")).toBeNull();
    expect(codeDrift('log(`x ${a}`);', 'log(`x ${b}`);')).toMatch(/'a' vs 'b'/);
    expect(codeDrift('f(1);', 'f(1); g();')).toMatch(/'\(end\)'|vs/);
  });

  it('refuses a stale translation, a missing Chinese block and prose of another shape', () => {
    expect(() => parseSource(src('f();', strings("'gone' ==> '没了'")), 'zh')).toThrow(
      /'gone'' is not in the code cell/,
    );
    expect(() => parseSource(src('f();', '', ''), 'en')).toThrow(/1 English and 0 Chinese/);
    expect(() =>
      parseSource(src('f();', '', '<!-- zh -->\n一\n<!-- cell -->\n二\n<!-- /zh -->'), 'en'),
    ).toThrow(/1 English and 2 Chinese/);
    expect(() => parseSource('<!-- zh -->\n' + ts('f();') + '\n<!-- /zh -->', 'zh')).toThrow(
      /code fence inside a zh block/,
    );
  });
});

describe('the notebooks index', () => {
  it('has a README per edition, each listing its six notebooks and linking the other', () => {
    const en = readFileSync(join(editionDir('en'), 'README.md'), 'utf8');
    const zh = readFileSync(join(editionDir('zh'), 'README.md'), 'utf8');
    for (const name of names) {
      expect(en).toContain(`(${name}.ipynb)`);
      expect(zh).toContain(`(${name}.ipynb)`);
    }
    expect(en).toContain('(zh/README.md)');
    expect(zh).toContain('(../README.md)');
    expect(zh).toMatch(CJK);
  });
});
