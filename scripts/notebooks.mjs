#!/usr/bin/env node
// `npm run notebooks`: builds the notebooks of both editions from their readable sources in
// notebooks/source/NN-slug.md (English: notebooks/NN-slug.ipynb, Chinese:
// notebooks/zh/NN-slug.ipynb), executes them with the tslab kernel (Debian's nbclient, through
// scripts/nb_execute.py), writes them back with their outputs and exports each to
// build/html/NN-slug.html and build/html/zh/NN-slug.html.
//
//   node scripts/notebooks.mjs                 build, execute, write back, export HTML
//   node scripts/notebooks.mjs --check         execute into a temp folder and compare with the
//                                              committed notebooks (nothing is written)
//   options: --only 04 (name prefixes, repeatable), --edition en|zh (repeatable; default both),
//            --out DIR, --html DIR, --no-html, --json, --kernel tslab|deno (default tslab: the
//            committed outputs are tslab's; Deno's are compared with them by the tests)
//
// Source format: Markdown, one file per notebook for both editions. A ```ts fence is a code cell,
// shared by both editions; everything between code cells is one markdown cell (a line
// `<!-- cell -->` splits it). Prose is English; its Chinese counterpart sits in the same place
// between the lines `<!-- zh -->` and `<!-- /zh -->`, with as many cells. A ```zh-strings fence
// right after a code fence lists, one per line as `English ==> 中文`, the texts of that cell's
// string literals and comments the Chinese edition says in Chinese; nothing else of the code can
// differ (each Chinese cell's TypeScript tokens are checked against the English cell's).
// Other fences (```python) stay in the prose. The packages must be built first (`npm run build`).
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { Buffer } from 'node:buffer';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import ts from 'typescript';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const notebooksDir = join(root, 'notebooks');
export const sourceDir = join(notebooksDir, 'source');
export const PYTHON = '/usr/bin/python3';
const tslabBin = join(root, 'node_modules', '.bin', 'tslab');
const executeScript = join(root, 'scripts', 'nb_execute.py');
/** The kernels a notebook runs in; the first wrote the committed outputs. */
export const KERNELS = ['tslab', 'deno'];
/**
 * Deno 2.9's kernel can send a cell's last stdout lines after its idle status; nb_execute.py
 * keeps listening this long after each cell's idle (measured: late lines came within a few ms).
 */
export const DENO_LATE_OUTPUT_S = 0.25;

/** Writes `kernel`'s kernelspec (the built `losslab install`'s own) into `dir`; returns its folder. */
function writeKernelspec(kernel, dir) {
  const cli = createRequire(import.meta.url)(join(root, 'packages', 'kernel', 'lib', 'cli.js'));
  const binary = cli.kernelBinary(kernel);
  if (binary === null) {
    throw new Error(`notebooks: the ${kernel} kernel is not installed (npm install)`);
  }
  const folder = join(dir, 'kernels', kernel);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'kernel.json'), JSON.stringify(cli.kernelSpec(kernel, binary)));
  return folder;
}

/** The notebook names (`01-background`, ...) in order, from notebooks/source/*.md. */
export function listNotebooks(only = []) {
  return readdirSync(sourceDir)
    .filter((f) => /^\d\d-.*\.md$/.test(f))
    .map((f) => f.slice(0, -3))
    .filter((name) => only.length === 0 || only.some((p) => name.startsWith(p)))
    .sort();
}

/** The editions: where each one's notebooks, README and HTML export live. */
export const EDITIONS = ['en', 'zh'];

/** The folder of an edition's notebooks: notebooks/ (English) or notebooks/<edition>/. */
export function editionDir(edition = 'en') {
  checkEdition(edition);
  return edition === 'en' ? notebooksDir : join(notebooksDir, edition);
}

function checkEdition(edition) {
  if (!EDITIONS.includes(edition)) {
    throw new Error(`unknown edition '${edition}' (known: ${EDITIONS.join(', ')})`);
  }
}

const ZH_OPEN = '<!-- zh -->';
const ZH_CLOSE = '<!-- /zh -->';
const STRINGS_FENCE = /^```zh-strings\s*$/;
const STRINGS_ARROW = ' ==> ';

/**
 * Splits a Markdown source into the cells of one edition: ```ts fences are code (with the
 * edition's strings), the rest is prose in the edition's language. Throws when the editions'
 * prose does not have the same cells, or a translated string is not in its code cell.
 */
export function parseSource(text, edition = 'en') {
  checkEdition(edition);
  const cells = [];
  // The prose since the last code cell, per language: a list of cells, each a list of lines.
  let region = { en: [[]], zh: [[]] };
  let lang = 'en';
  let where = 1;
  const flushProse = () => {
    const [en, zh] = ['en', 'zh'].map((l) =>
      region[l].map((c) => c.join('\n').trim()).filter((c) => c !== ''),
    );
    if (en.length !== zh.length) {
      throw new Error(
        `line ${where}: the prose before this point has ${en.length} English and ${zh.length} ` +
          `Chinese markdown cell(s); each edition needs the same cells (<!-- zh --> block missing?)`,
      );
    }
    for (const source of edition === 'en' ? en : zh) {
      cells.push({ cell_type: 'markdown', source });
    }
    region = { en: [[]], zh: [[]] };
  };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    where = i + 1;
    const trimmed = line.trim();
    if (trimmed === ZH_OPEN || trimmed === ZH_CLOSE) {
      const opening = trimmed === ZH_OPEN;
      if ((lang === 'zh') === opening) {
        throw new Error(`line ${where}: ${trimmed} ${opening ? 'inside' : 'outside'} a zh block`);
      }
      lang = opening ? 'zh' : 'en';
    } else if (/^```(ts|typescript)\s*$/.test(line)) {
      if (lang !== 'en') {
        throw new Error(`line ${where}: a code fence inside a zh block (code is shared)`);
      }
      flushProse();
      const code = [];
      i++;
      while (i < lines.length && !/^```\s*$/.test(lines[i])) {
        code.push(lines[i]);
        i++;
      }
      if (i >= lines.length) {
        throw new Error(`unterminated \`\`\`ts fence in notebook source (line ${where})`);
      }
      const source = code.join('\n').trim();
      // A strings fence may follow, after blank lines.
      let k = i + 1;
      while (k < lines.length && lines[k].trim() === '') {
        k++;
      }
      let strings = [];
      if (k < lines.length && STRINGS_FENCE.test(lines[k])) {
        const body = [];
        k++;
        while (k < lines.length && !/^```\s*$/.test(lines[k])) {
          body.push(lines[k]);
          k++;
        }
        if (k >= lines.length) {
          throw new Error(`unterminated \`\`\`zh-strings fence (line ${where})`);
        }
        strings = parseStrings(body, where);
        i = k;
      }
      const zh = translateCode(source, strings, where);
      cells.push({ cell_type: 'code', source: edition === 'en' ? source : zh });
    } else if (STRINGS_FENCE.test(line)) {
      throw new Error(`line ${where}: a zh-strings fence must follow a code fence`);
    } else if (trimmed === '<!-- cell -->') {
      region[lang].push([]);
    } else {
      const cellsOfLang = region[lang];
      cellsOfLang[cellsOfLang.length - 1].push(line);
    }
  }
  if (lang !== 'en') {
    throw new Error(`unterminated ${ZH_OPEN} block`);
  }
  where = lines.length;
  flushProse();
  return cells;
}

function parseStrings(body, where) {
  return body
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const at = l.indexOf(STRINGS_ARROW);
      if (at <= 0) {
        throw new Error(`zh-strings after line ${where}: '${l}' is not 'English ==> 中文'`);
      }
      return [l.slice(0, at).trim(), l.slice(at + STRINGS_ARROW.length).trim()];
    });
}

/**
 * The Chinese code of a cell: every English text replaced by its translation, longest first.
 * A translation whose English text is not in the cell is an error (stale after a code change),
 * and so is any change beyond string literals and comments.
 */
function translateCode(source, strings, where) {
  let out = source;
  for (const [en, zh] of [...strings].sort((a, b) => b[0].length - a[0].length)) {
    if (!out.includes(en)) {
      throw new Error(`zh-strings after line ${where}: '${en}' is not in the code cell`);
    }
    out = out.split(en).join(zh);
  }
  const drift = codeDrift(source, out);
  if (drift !== null) {
    throw new Error(`zh-strings after line ${where} change the code, not only text: ${drift}`);
  }
  return out;
}

const TEXT_TOKENS = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
]);

/**
 * A cell's code as TypeScript tokens, with the text of string and template literals blanked
 * (their kind stays) and comments left out: two cells with the same skeleton run the same code
 * and differ at most in what they say.
 */
export function codeSkeleton(code) {
  const sf = ts.createSourceFile('cell.ts', code, ts.ScriptTarget.Latest, true);
  const out = [];
  const visit = (node) => {
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) {
      return; // a doc comment, prose
    }
    const children = node.getChildren(sf);
    if (children.length === 0) {
      out.push(TEXT_TOKENS.has(node.kind) ? ts.SyntaxKind[node.kind] : node.getText(sf));
    } else {
      children.forEach(visit);
    }
  };
  visit(sf);
  return out;
}

/** Where two cells' code differs beyond literals' text and comments, or null when it does not. */
export function codeDrift(a, b) {
  const x = codeSkeleton(a);
  const y = codeSkeleton(b);
  for (let k = 0; k < Math.max(x.length, y.length); k++) {
    if (x[k] !== y[k]) {
      const near = x.slice(Math.max(0, k - 4), k).join(' ');
      return `token ${k} after '${near}': '${x[k] ?? '(end)'}' vs '${y[k] ?? '(end)'}'`;
    }
  }
  return null;
}

/** An nbformat 4.5 notebook of one edition (no outputs yet); ids are stable across builds. */
export function buildNotebook(text, edition = 'en') {
  const cells = parseSource(text, edition).map((cell, i) => {
    const id = `cell-${String(i).padStart(2, '0')}`;
    return cell.cell_type === 'code'
      ? {
          cell_type: 'code',
          id,
          metadata: {},
          execution_count: null,
          outputs: [],
          source: cell.source,
        }
      : { cell_type: 'markdown', id, metadata: {}, source: cell.source };
  });
  return {
    cells,
    metadata: {
      kernelspec: { display_name: 'TypeScript', language: 'typescript', name: 'tslab' },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

const join1 = (s) => (Array.isArray(s) ? s.join('') : (s ?? ''));

/**
 * What a rerun must reproduce: cell types, sources and outputs, with genuinely volatile text
 * blanked. Volatile by convention: a stdout line starting with `measured` (实测 in the Chinese
 * edition: timings and heap sizes, printed by the notebooks on such lines only), and random
 * element ids in HTML/SVG.
 */
export function normaliseText(text) {
  return text.replace(/^(?:measured\b|实测).*$/gm, 'measured <volatile>');
}

/**
 * Element ids inside HTML/SVG outputs (a chart's clipPath id) are drawn at random so that several
 * charts on one page never collide; they are renamed in order of appearance (`id="@id0"`, `#@id0`).
 */
export function normaliseIds(html) {
  const ids = [...new Set([...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]))];
  let out = html;
  ids.forEach((id, k) => {
    const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`(id="|#)${escaped}(?=["')])`, 'g'), `$1@id${k}`);
  });
  return out;
}

/**
 * Charts shown as images (`<img src="data:image/svg+xml;base64,…">`) with their SVG decoded, so
 * that the random element ids inside them are seen (and renamed) like those of inline SVG.
 */
export function decodeSvgImages(html) {
  return html.replace(
    /data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/g,
    (_, b64) => `data:image/svg+xml;decoded,${Buffer.from(b64, 'base64').toString('utf8')}`,
  );
}

export function normaliseNotebook(nb) {
  return nb.cells.map((cell) => ({
    cell_type: cell.cell_type,
    source: join1(cell.source),
    outputs: (cell.outputs ?? []).map((out) => {
      if (out.output_type === 'stream') {
        return { output_type: 'stream', name: out.name, text: normaliseText(join1(out.text)) };
      }
      if (out.output_type === 'error') {
        return { output_type: 'error', ename: out.ename, evalue: out.evalue };
      }
      const data = {};
      for (const [mime, value] of Object.entries(out.data ?? {})) {
        const text = typeof value === 'string' || Array.isArray(value) ? join1(value) : null;
        data[mime] =
          text === null
            ? value
            : /html|svg/.test(mime)
              ? normaliseIds(decodeSvgImages(text))
              : text;
      }
      return { output_type: out.output_type, data };
    }),
  }));
}

/** Lists the differences between two notebooks' normalised contents (empty when equal). */
export function diffNotebooks(committed, fresh) {
  const a = normaliseNotebook(committed);
  const b = normaliseNotebook(fresh);
  const diffs = [];
  if (a.length !== b.length) {
    diffs.push(`cell count ${a.length} (committed) vs ${b.length} (fresh)`);
  }
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = JSON.stringify(a[i]);
    const y = JSON.stringify(b[i]);
    if (x !== y) {
      let k = 0;
      while (k < x.length && x[k] === y[k]) {
        k++;
      }
      diffs.push(
        `cell ${i}: committed …${x.slice(Math.max(0, k - 60), k + 80)}… vs fresh …${y.slice(Math.max(0, k - 60), k + 80)}…`,
      );
    }
  }
  return diffs;
}

/**
 * Builds the named notebooks of one edition from source and executes them with `kernel` (tslab or
 * deno); returns one record per notebook: { name, edition, kernel, seconds, errors, path, html }.
 * Outputs go to `out`, HTML (optional) to `html`. The kernel runs in the edition's folder, as it
 * does in JupyterLab.
 */
export function executeNotebooks(names, { out, html, edition = 'en', kernel = 'tslab' } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'losslab-nb-'));
  try {
    const inputs = names.map((name) => {
      const path = join(work, `${name}.ipynb`);
      const nb = buildNotebook(readFileSync(join(sourceDir, `${name}.md`), 'utf8'), edition);
      writeFileSync(path, JSON.stringify(nb, null, 1));
      return path;
    });
    const cwd = editionDir(edition);
    mkdirSync(cwd, { recursive: true });
    const args = [executeScript, 'execute', '--cwd', cwd];
    if (kernel === 'tslab') {
      args.push('--tslab', tslabBin);
    } else {
      args.push('--kernelspec', writeKernelspec(kernel, work));
      args.push('--late-output', String(DENO_LATE_OUTPUT_S));
    }
    args.push('--out', out ?? join(work, 'out'));
    if (html) {
      args.push('--html', html);
    }
    const r = spawnSync(PYTHON, [...args, ...inputs], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const records = r.stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
    if (records.length !== names.length) {
      throw new Error(`nb_execute.py stopped (status ${r.status}):\n${r.stdout}`);
    }
    for (const rec of records) {
      rec.edition = edition;
      rec.kernel = kernel;
    }
    if (out === undefined) {
      // The caller gets the notebooks' contents, since the temp folder is removed.
      for (const rec of records) {
        rec.notebook = JSON.parse(readFileSync(rec.path, 'utf8'));
        rec.path = null;
      }
    }
    return records;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Runs nbformat's validator on the given .ipynb files; returns [{ path, valid, error? }]. */
export function validateNotebooks(paths) {
  const r = spawnSync(PYTHON, [executeScript, 'validate', ...paths], { encoding: 'utf8' });
  return r.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
}

function main(argv) {
  const only = [];
  const editions = [];
  let check = false;
  let json = false;
  let kernel = 'tslab';
  let out = notebooksDir;
  let html = join(root, 'build', 'html');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--only') {
      only.push(argv[++i]);
    } else if (a === '--edition') {
      const e = argv[++i];
      if (!EDITIONS.includes(e)) {
        console.error(`notebooks: unknown edition '${e}' (known: ${EDITIONS.join(', ')})`);
        return 2;
      }
      editions.push(e);
    } else if (a === '--check') {
      check = true;
    } else if (a === '--json') {
      json = true;
    } else if (a === '--out') {
      out = argv[++i];
    } else if (a === '--html') {
      html = argv[++i];
    } else if (a === '--no-html') {
      html = undefined;
    } else if (a === '--kernel') {
      kernel = argv[++i];
      if (!KERNELS.includes(kernel)) {
        console.error(`notebooks: unknown kernel '${kernel}' (known: ${KERNELS.join(', ')})`);
        return 2;
      }
    } else {
      console.error(`notebooks: unknown argument '${a}'`);
      return 2;
    }
  }
  const names = listNotebooks(only);
  if (names.length === 0) {
    console.error('notebooks: no notebook matches');
    return 2;
  }
  const t0 = Date.now();
  const records = [];
  let status = 0;
  for (const edition of editions.length > 0 ? editions : EDITIONS) {
    // --out and --html name the English folders; the Chinese edition goes to their zh/.
    const sub = (dir) => (dir === undefined || edition === 'en' ? dir : join(dir, edition));
    const outDir = out === notebooksDir ? editionDir(edition) : sub(out);
    const htmlDir = sub(html);
    if (htmlDir) {
      mkdirSync(htmlDir, { recursive: true });
    }
    // Executed copies land in a temp folder first: a notebook whose normalised content did not
    // change keeps its file, so a rerun does not rewrite it with fresh random chart ids.
    const staging = check ? undefined : mkdtempSync(join(tmpdir(), 'losslab-nb-out-'));
    const executed = executeNotebooks(names, {
      out: staging,
      html: check ? undefined : htmlDir,
      edition,
      kernel,
    });
    for (const rec of executed) {
      let diffs = [];
      if (staging !== undefined) {
        const target = join(outDir, `${rec.name}.ipynb`);
        const fresh = JSON.parse(readFileSync(rec.path, 'utf8'));
        rec.unchanged =
          existsSync(target) &&
          diffNotebooks(JSON.parse(readFileSync(target, 'utf8')), fresh).length === 0;
        if (!rec.unchanged) {
          mkdirSync(outDir, { recursive: true });
          copyFileSync(rec.path, target);
        }
        rec.path = target;
      }
      if (check) {
        const committedPath = join(editionDir(edition), `${rec.name}.ipynb`);
        diffs = existsSync(committedPath)
          ? diffNotebooks(JSON.parse(readFileSync(committedPath, 'utf8')), rec.notebook)
          : [`${committedPath} does not exist`];
        rec.notebook = undefined;
        rec.diffs = diffs;
      }
      if (rec.errors > 0 || diffs.length > 0) {
        status = 1;
      }
      if (!json) {
        const where = rec.html ? ` -> ${basename(rec.html)}` : '';
        console.log(
          `${edition === 'en' ? '' : `${edition}/`}${rec.name}: ${rec.seconds.toFixed(1)} s, ` +
            `${rec.errors} error output(s)${where}` +
            (check
              ? diffs.length === 0
                ? ', equals committed'
                : `, DIFFERS:\n  ${diffs.join('\n  ')}`
              : rec.unchanged
                ? ', unchanged'
                : ', written'),
        );
      }
      records.push(rec);
    }
    if (staging !== undefined) {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  if (json) {
    console.log(JSON.stringify(records, null, 1));
  } else {
    console.log(`total ${((Date.now() - t0) / 1000).toFixed(1)} s for ${records.length} notebooks`);
  }
  return status;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
