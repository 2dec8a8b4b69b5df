// The six notebooks of both editions (English in notebooks/, Chinese in notebooks/zh/), each
// executed once fresh with the real tslab kernel (Debian's nbclient), checked against what is
// committed: no error output, every check line "yes" ("是"), the article's figures, the same
// outputs as the committed notebooks, nbformat-valid files, charts in the HTML export; and the
// two editions print the same figures and draw the same charts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EDITIONS,
  buildNotebook,
  diffNotebooks,
  editionDir,
  executeNotebooks,
  listNotebooks,
  normaliseText,
  sourceDir,
  validateNotebooks,
} from '../../scripts/notebooks.mjs';

interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
}
interface Cell {
  cell_type: string;
  source: string | string[];
  outputs?: Output[];
}
interface Notebook {
  cells: Cell[];
  metadata: { kernelspec?: { name: string } };
}
interface Executed {
  name: string;
  edition: string;
  seconds: number;
  errors: number;
  html: string;
  notebook: Notebook;
}

const CURVE_MIME = 'application/vnd.losslab.curve.v1+json';
/** Charts each notebook draws (loss curves, surfaces, shapes, the outlier scatter). */
const MIN_CHARTS: Record<string, number> = {
  '01-background': 0,
  '02-core-concepts': 1,
  '03-algorithm-and-formulas': 2,
  '04-code-example': 2,
  '05-future-trends': 7,
  '06-faq': 3,
};
const names: string[] = listNotebooks();
const editions: string[] = EDITIONS;
/** A check line and its verdict, per edition. */
const CHECK: Record<string, { line: RegExp; yes: string }> = {
  en: { line: /: (yes|NO)$/, yes: ': yes' },
  zh: { line: /：(是|否)$/, yes: '：是' },
};
const executed = new Map<string, Executed>();
let htmlDir = '';

const join1 = (s: string | string[] | undefined): string =>
  Array.isArray(s) ? s.join('') : (s ?? '');

function stdout(nb: Notebook): string {
  return nb.cells
    .flatMap((c) => c.outputs ?? [])
    .filter((o) => o.output_type === 'stream' && o.name === 'stdout')
    .map((o) => join1(o.text))
    .join('');
}

function displays(nb: Notebook): Record<string, unknown>[] {
  return nb.cells
    .flatMap((c) => c.outputs ?? [])
    .filter((o) => o.output_type === 'display_data')
    .map((o) => o.data ?? {});
}

function committed(name: string, edition = 'en'): Notebook {
  return JSON.parse(readFileSync(join(editionDir(edition), `${name}.ipynb`), 'utf8')) as Notebook;
}

function fresh(name: string, edition = 'en'): Executed {
  const rec = executed.get(`${edition}/${name}`);
  if (rec === undefined) {
    throw new Error(`${edition}/${name} was not executed`);
  }
  return rec;
}

beforeAll(() => {
  htmlDir = mkdtempSync(join(tmpdir(), 'losslab-nb-html-'));
  // Each notebook of each edition runs once; every test below reads these runs.
  for (const edition of editions) {
    const html = join(htmlDir, edition);
    for (const rec of executeNotebooks(names, { html, edition }) as Executed[]) {
      executed.set(`${edition}/${rec.name}`, rec);
    }
  }
  const times = [...executed].map(([key, r]) => `${key} ${r.seconds.toFixed(1)} s`);
  console.log(`notebooks executed: ${times.join(', ')}`);
}, 480_000);

afterAll(() => {
  rmSync(htmlDir, { recursive: true, force: true });
});

describe('the notebooks', () => {
  it('are the six of the article, numbered, each with its source', () => {
    expect(names).toEqual([
      '01-background',
      '02-core-concepts',
      '03-algorithm-and-formulas',
      '04-code-example',
      '05-future-trends',
      '06-faq',
    ]);
    for (const edition of editions) {
      const readme = readFileSync(join(editionDir(edition), 'README.md'), 'utf8');
      for (const name of names) {
        expect(readme).toContain(`(${name}.ipynb)`);
      }
    }
  });

  describe.each(editions.flatMap((e) => names.map((n) => [e, n] as const)))(
    '%s/%s',
    (edition, name) => {
      it('executes without an error output', () => {
        const rec = fresh(name, edition);
        const errors = rec.notebook.cells
          .flatMap((c) => c.outputs ?? [])
          .filter(
            (o) => o.output_type === 'error' || (o.output_type === 'stream' && o.name === 'stderr'),
          );
        expect(errors).toEqual([]);
        expect(rec.errors).toBe(0);
      });

      it('says yes on every check line', () => {
        const { line, yes } = CHECK[edition] as { line: RegExp; yes: string };
        const lines = stdout(fresh(name, edition).notebook)
          .split('\n')
          .filter((l) => line.test(l));
        expect(lines.length).toBeGreaterThanOrEqual(5);
        expect(lines.filter((l) => !l.endsWith(yes))).toEqual([]);
      });

      it('is committed exactly as a fresh run produces it (timings aside)', () => {
        expect(diffNotebooks(committed(name, edition), fresh(name, edition).notebook)).toEqual([]);
      });

      it('is built from its source, with the tslab kernelspec', () => {
        const built = buildNotebook(
          readFileSync(join(sourceDir, `${name}.md`), 'utf8'),
          edition,
        ) as Notebook;
        const nb = committed(name, edition);
        expect(nb.cells.map((c) => [c.cell_type, join1(c.source)])).toEqual(
          built.cells.map((c) => [c.cell_type, join1(c.source)]),
        );
        expect(nb.metadata.kernelspec?.name).toBe('tslab');
      });

      it('validates against nbformat', () => {
        const [result] = validateNotebooks([join(editionDir(edition), `${name}.ipynb`)]) as {
          valid: boolean;
          error?: string;
        }[];
        expect(result?.error).toBeUndefined();
        expect(result?.valid).toBe(true);
      });

      it('shows every chart in its HTML export', () => {
        // A chart is an SVG, inline or as an image (data:image/svg+xml;base64,…).
        const htmlOf = (d: Record<string, unknown>): string =>
          join1(d['text/html'] as string | string[] | undefined);
        const charts = displays(fresh(name, edition).notebook)
          .map(htmlOf)
          .filter((h) => chartSvgs(h).length > 0);
        expect(charts.length).toBeGreaterThanOrEqual(MIN_CHARTS[name] ?? 1);
        const html = readFileSync(fresh(name, edition).html, 'utf8');
        for (const chart of charts) {
          // The chart's first drawing instructions (or image bytes) appear verbatim in the page.
          const start = Math.max(chart.indexOf('<svg'), chart.indexOf('data:image/svg+xml'));
          expect(html).toContain(chart.slice(start, start + 300));
        }
        expect(html).not.toContain('is not able to be represented');
      });
    },
  );
});

describe('the figures the notebooks assert', () => {
  it('01: MSE 0.375 and MAE 0.5 of the four predictions', () => {
    const out = stdout(fresh('01-background').notebook);
    expect(out).toContain('MSE by hand 0.375, by mseLoss 0.375');
    expect(out).toContain('MAE by hand 0.5, by maeLoss 0.5');
  });

  it('02: backpropagation through the two-layer network matches finite differences', () => {
    const out = stdout(fresh('02-core-concepts').notebook);
    expect(out).toContain(
      'backpropagation matches finite differences (relative error < 1e-6): yes',
    );
    expect(out).toMatch(/layer 1 \(identity\) a = \[/);
  });

  it('03: the formulas by hand equal the library, and fit stops for both reasons', () => {
    const out = stdout(fresh('03-algorithm-and-formulas').notebook);
    const h = -(0.7 * Math.log(0.6) + 0.2 * Math.log(0.3) + 0.1 * Math.log(0.1));
    expect(out).toContain(`H(p, q) by hand ${h.toFixed(10)}, library ${h.toFixed(10)}`);
    expect(out).toContain('fit stopped on the threshold: yes');
    expect(out).toContain('this run stopped on the iteration limit: yes');
    const formulas = displays(fresh('03-algorithm-and-formulas').notebook).filter(
      (d) => 'text/latex' in d || 'text/markdown' in d,
    );
    expect(formulas.length).toBeGreaterThanOrEqual(3);
  });

  it("04: numpy's data and the article's corrected result, equal to least squares", () => {
    const nb = fresh('04-code-example').notebook;
    const out = stdout(nb);
    expect(out).toContain('X[0..2] = 1.76405235, 0.40015721, 0.97873798');
    expect(out).toContain('y[0..2] = 7.46968004, 3.12643489, 4.32223347');
    expect(out).toContain('w = 2.05734922, b = 3.03757654, MSE = 0.26429296');
    expect(out).toContain('least squares: w = 2.05734922, b = 3.03757654, MSE = 0.26429296');
    expect(out).toContain('w is within 1e-6 of least squares: yes');
    // The live loss curve ends in its final state: all 1000 steps, no longer running.
    const curves = displays(nb)
      .map((d) => d[CURVE_MIME] as { runs: { steps: number; stopReason: string }[] } | undefined)
      .filter((p) => p !== undefined);
    expect(curves.length).toBeGreaterThanOrEqual(1);
    expect(curves[0]?.runs[0]).toMatchObject({ steps: 1000, stopReason: 'maxSteps' });
  });

  it('05: a million rows streamed, with timings only on measured lines', () => {
    const out = stdout(fresh('05-future-trends').notebook);
    expect(out).toContain('the streamed pass lands within 0.01 of least squares: yes');
    expect(out).toContain('in memory: x and y hold 16.00 MB (the stream: 0.16 MB)');
    expect(out).toMatch(/^measured one streaming pass over 1,000,000 rows: \d+ ms$/m);
    // Nothing else in any notebook looks like a timing.
    for (const [key, rec] of executed) {
      const text = normaliseText(stdout(rec.notebook));
      expect(text, key).not.toMatch(/\d\s*ms\b/);
    }
  });

  it('06: MAE and Huber resist the outliers that pull MSE', () => {
    const out = stdout(fresh('06-faq').notebook);
    expect(out).toContain('MAE lands closer to the true line than MSE: yes');
    expect(out).toContain('Huber lands closer to the true line than MSE: yes');
    expect(out).toContain('lr 1.2 diverges: yes');
  });
});

/** The printed output of each code cell (stdout), in cell order. */
function cellStdout(nb: Notebook): string[] {
  return nb.cells
    .filter((c) => c.cell_type === 'code')
    .map((c) =>
      (c.outputs ?? [])
        .filter((o) => o.output_type === 'stream' && o.name === 'stdout')
        .map((o) => join1(o.text))
        .join(''),
    );
}

/** The figures a text prints: its decimal numbers (0.375, 2.05734922, 1e-6, 1.730e-2), sorted. */
function figures(text: string): string[] {
  return (normaliseText(text).match(/-?\d+\.\d+(?:e[-+]?\d+)?|-?\d+e[-+]?\d+/g) ?? []).sort();
}

/** The SVG charts of an HTML output: inline, or as `<img src="data:image/svg+xml;base64,…">`. */
function chartSvgs(html: string): string[] {
  return [
    ...[...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]),
    ...[...html.matchAll(/data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/g)].map((m) =>
      Buffer.from(m[1] as string, 'base64').toString('utf8'),
    ),
  ];
}

/** What a chart draws, without its words: path data and marker positions of its SVG. */
function drawing(svg: string): string[] {
  return [...svg.matchAll(/ d="([^"]*)"|<circle cx="([^"]*)" cy="([^"]*)"/g)].map((m) =>
    m.slice(1).join(' '),
  );
}

interface Run {
  name: string;
  stopMessage?: string;
  [key: string]: unknown;
}

/** A loss-curve payload's numbers: each run without its name and stop sentence. */
function curveNumbers(payload: unknown): unknown {
  const p = payload as { runs: Run[]; options: { logY: boolean; smoothing: number } };
  return {
    runs: p.runs.map(({ name: _name, stopMessage: _stop, ...numbers }) => numbers),
    logY: p.options.logY,
    smoothing: p.options.smoothing,
  };
}

/** Three or more English words in a row: a sentence left untranslated. */
const ENGLISH_PHRASE = /\b[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,}){2,}\b/;

describe('the two editions', () => {
  describe.each(names)('%s', (name) => {
    const [en, zh] = [() => fresh(name, 'en').notebook, () => fresh(name, 'zh').notebook];

    it('print the same figures, cell by cell', () => {
      const a = cellStdout(en());
      const b = cellStdout(zh());
      expect(b).toHaveLength(a.length);
      a.forEach((text, i) =>
        expect(figures(b[i] as string), `code cell ${i}`).toEqual(figures(text)),
      );
      expect(a.flatMap(figures).length).toBeGreaterThan(0);
    });

    it('draw the same charts and formulas', () => {
      const a = displays(en());
      const b = displays(zh());
      expect(b).toHaveLength(a.length);
      a.forEach((d, i) => {
        const z = b[i] as Record<string, unknown>;
        expect(Object.keys(z), `display ${i}`).toEqual(Object.keys(d));
        if (CURVE_MIME in d) {
          expect(curveNumbers(z[CURVE_MIME]), `display ${i}`).toEqual(curveNumbers(d[CURVE_MIME]));
        }
        if ('text/latex' in d) {
          expect(z['text/latex']).toEqual(d['text/latex']);
        }
        const svgs = chartSvgs(join1(d['text/html'] as string | string[] | undefined));
        expect(
          chartSvgs(join1(z['text/html'] as string | string[] | undefined)).map(drawing),
        ).toEqual(svgs.map(drawing));
      });
    });

    it('speaks Chinese in the Chinese one: printed lines, chart text, curve options', () => {
      const lines = stdout(zh())
        .split('\n')
        .filter((l) => l.trim() !== '' && !/^(实测|measured)/.test(l));
      expect(lines.filter((l) => ENGLISH_PHRASE.test(l))).toEqual([]);
      for (const d of displays(zh())) {
        const svg = chartSvgs(join1(d['text/html'] as string | string[] | undefined)).join('');
        const words = [...svg.matchAll(/<(text|title)\b[^>]*>([^<]*)</g)].map((m) => m[2]);
        expect(words.filter((w) => ENGLISH_PHRASE.test(w ?? ''))).toEqual([]);
        const curve = d[CURVE_MIME] as { options: { locale?: string; title: string } } | undefined;
        if (curve !== undefined) {
          expect(curve.options.locale).toBe('zh');
          expect(curve.options.title).toMatch(/[\u4e00-\u9fff]/);
          expect(String(d['text/plain'])).not.toMatch(ENGLISH_PHRASE);
        }
      }
    });
  });

  it("04: the Chinese edition reaches the article's corrected result too", () => {
    const out = stdout(fresh('04-code-example', 'zh').notebook);
    expect(out).toContain('w = 2.05734922，b = 3.03757654，MSE = 0.26429296');
    expect(out).toContain('最小二乘：w = 2.05734922，b = 3.03757654，MSE = 0.26429296');
  });
});

interface CurveRun {
  name: string;
  steps: number;
  stopReason: string;
  points: unknown[];
  final: number | null;
  min?: { loss: number } | null;
}

/**
 * Two kernels' loss curves agree: the same runs, steps, stop reasons and point counts, and their
 * final and smallest losses within 1e-6 (relative). Not bit for bit: Node 20's V8 (11.3) and
 * Deno's (15.0) round Math's transcendental functions differently in the last bit (measured over
 * 100,000 arguments in [0, 10): exp differs for 9.7%, pow 7.6%, log 6.5%, by one ulp), and 300
 * optimizer steps carry that to a loss's 9th digit (05: 0.009757655049552763 in tslab,
 * 0.00975765497714268 in Deno); the printed figures are the same.
 */
function expectSameCurve(deno: unknown, tslab: unknown, label: string): void {
  const [a, b] = [tslab, deno].map((p) => (p as { runs: CurveRun[] }).runs) as [
    CurveRun[],
    CurveRun[],
  ];
  const shape = (r: CurveRun): unknown[] => [r.name, r.steps, r.stopReason, r.points.length];
  expect(b.map(shape), label).toEqual(a.map(shape));
  a.forEach((r, k) => {
    const z = b[k] as CurveRun;
    for (const [x, y] of [
      [r.final, z.final],
      [r.min?.loss ?? null, z.min?.loss ?? null],
    ] as const) {
      if (x === null || y === null) {
        expect(y, label).toBe(x);
      } else {
        expect(Math.abs(x - y), `${label}: ${x} vs ${y}`).toBeLessThanOrEqual(1e-6 * Math.abs(x));
      }
    }
  });
}

// The same six notebooks (English edition) in Deno's kernel, switched to as a user would. The
// committed outputs are tslab's (see notebooks/README.md); Deno's run must say the same.
describe("in Deno's kernel", () => {
  const deno = new Map<string, Executed>();
  beforeAll(() => {
    for (const rec of executeNotebooks(names, { kernel: 'deno' }) as Executed[]) {
      deno.set(rec.name, rec);
    }
    const times = [...deno].map(([name, r]) => `${name} ${r.seconds.toFixed(1)} s`);
    console.log(`notebooks executed with Deno: ${times.join(', ')}`);
  }, 240_000);

  describe.each(names)('%s', (name) => {
    const run = (): Notebook => {
      const rec = deno.get(name);
      if (rec === undefined) {
        throw new Error(`${name} was not executed with Deno`);
      }
      expect(rec.errors).toBe(0);
      return rec.notebook;
    };

    it('executes without an error output and says yes on every check line', () => {
      const lines = stdout(run())
        .split('\n')
        .filter((l) => CHECK.en?.line.test(l));
      expect(lines.length).toBeGreaterThanOrEqual(5);
      expect(lines.filter((l) => !l.endsWith(': yes'))).toEqual([]);
    });

    it("prints tslab's lines and draws tslab's charts, cell by cell (timings aside)", () => {
      const tslab = fresh(name).notebook;
      const lines = (nb: Notebook): string[] => cellStdout(nb).map(normaliseText);
      expect(lines(run())).toEqual(lines(tslab));
      const a = displays(tslab);
      const b = displays(run());
      expect(b).toHaveLength(a.length);
      a.forEach((d, i) => {
        const z = b[i] as Record<string, unknown>;
        expect(Object.keys(z), `display ${i}`).toEqual(Object.keys(d));
        expect(z['text/plain'], `display ${i}`).toEqual(d['text/plain']);
        expect(z['text/latex'], `display ${i}`).toEqual(d['text/latex']);
        if (CURVE_MIME in d) {
          expectSameCurve(z[CURVE_MIME], d[CURVE_MIME], `display ${i}`);
        }
        // The same pictures: as many charts, each with as many marks.
        const marks = (html: unknown): number[] =>
          chartSvgs(join1(html as string | string[] | undefined)).map((svg) => drawing(svg).length);
        expect(marks(z['text/html']), `display ${i}`).toEqual(marks(d['text/html']));
      });
    });
  });
});
