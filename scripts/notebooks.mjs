#!/usr/bin/env node
// `npm run notebooks`: builds notebooks/NN-slug.ipynb from their readable sources in
// notebooks/source/NN-slug.md, executes them with the tslab kernel (Debian's nbclient, through
// scripts/nb_execute.py), writes them back with their outputs and exports each to
// build/html/NN-slug.html.
//
//   node scripts/notebooks.mjs                 build, execute, write back, export HTML
//   node scripts/notebooks.mjs --check         execute into a temp folder and compare with the
//                                              committed notebooks (nothing is written)
//   options: --only 04 (name prefixes, repeatable), --out DIR, --html DIR, --no-html, --json
//
// Source format: Markdown. A ```ts fence is a code cell; everything between code cells is one
// markdown cell (a line `<!-- cell -->` splits it). Other fences (```python) stay in the prose.
// The packages must be built first (`npx lerna run build`).
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
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const notebooksDir = join(root, 'notebooks');
export const sourceDir = join(notebooksDir, 'source');
export const PYTHON = '/usr/bin/python3';
const tslabBin = join(root, 'node_modules', '.bin', 'tslab');
const executeScript = join(root, 'scripts', 'nb_execute.py');

/** The notebook names (`01-background`, ...) in order, from notebooks/source/*.md. */
export function listNotebooks(only = []) {
  return readdirSync(sourceDir)
    .filter((f) => /^\d\d-.*\.md$/.test(f))
    .map((f) => f.slice(0, -3))
    .filter((name) => only.length === 0 || only.some((p) => name.startsWith(p)))
    .sort();
}

/** Splits a Markdown source into cells: ```ts fences are code, the rest is prose. */
export function parseSource(text) {
  const cells = [];
  let prose = [];
  const flushProse = () => {
    const source = prose.join('\n').trim();
    if (source !== '') {
      cells.push({ cell_type: 'markdown', source });
    }
    prose = [];
  };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^```(ts|typescript)\s*$/.test(line)) {
      flushProse();
      const code = [];
      i++;
      while (i < lines.length && !/^```\s*$/.test(lines[i])) {
        code.push(lines[i]);
        i++;
      }
      if (i >= lines.length) {
        throw new Error(`unterminated \`\`\`ts fence in notebook source`);
      }
      cells.push({ cell_type: 'code', source: code.join('\n').trim() });
    } else if (line.trim() === '<!-- cell -->') {
      flushProse();
    } else {
      prose.push(line);
    }
  }
  flushProse();
  return cells;
}

/** An nbformat 4.5 notebook (no outputs yet) from a source; ids are stable across builds. */
export function buildNotebook(text) {
  const cells = parseSource(text).map((cell, i) => {
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
 * blanked. Volatile by convention: a stdout line starting with `measured` (timings and heap
 * sizes, printed by the notebooks on such lines only), and random element ids in HTML/SVG.
 */
export function normaliseText(text) {
  return text.replace(/^measured\b.*$/gm, 'measured <volatile>');
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
        data[mime] = text === null ? value : /html|svg/.test(mime) ? normaliseIds(text) : text;
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
 * Builds the named notebooks from source and executes them; returns one record per notebook:
 * { name, seconds, errors, path, html }. Outputs go to `out`, HTML (optional) to `html`.
 */
export function executeNotebooks(names, { out, html } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'losslab-nb-'));
  try {
    const inputs = names.map((name) => {
      const path = join(work, `${name}.ipynb`);
      const nb = buildNotebook(readFileSync(join(sourceDir, `${name}.md`), 'utf8'));
      writeFileSync(path, JSON.stringify(nb, null, 1));
      return path;
    });
    const args = [executeScript, 'execute', '--tslab', tslabBin, '--cwd', notebooksDir];
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
  let check = false;
  let json = false;
  let out = notebooksDir;
  let html = join(root, 'build', 'html');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--only') {
      only.push(argv[++i]);
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
  if (html) {
    mkdirSync(html, { recursive: true });
  }
  const t0 = Date.now();
  // Executed copies land in a temp folder first: a notebook whose normalised content did not
  // change keeps its file, so a rerun does not rewrite it with fresh random chart ids.
  const staging = check ? undefined : mkdtempSync(join(tmpdir(), 'losslab-nb-out-'));
  const records = executeNotebooks(names, {
    out: staging,
    html: check ? undefined : html,
  });
  let status = 0;
  for (const rec of records) {
    let diffs = [];
    if (staging !== undefined) {
      const target = join(out, `${rec.name}.ipynb`);
      const fresh = JSON.parse(readFileSync(rec.path, 'utf8'));
      rec.unchanged =
        existsSync(target) &&
        diffNotebooks(JSON.parse(readFileSync(target, 'utf8')), fresh).length === 0;
      if (!rec.unchanged) {
        mkdirSync(out, { recursive: true });
        copyFileSync(rec.path, target);
      }
      rec.path = target;
    }
    if (check) {
      const committedPath = join(notebooksDir, `${rec.name}.ipynb`);
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
        `${rec.name}: ${rec.seconds.toFixed(1)} s, ${rec.errors} error output(s)${where}` +
          (check
            ? diffs.length === 0
              ? ', equals committed'
              : `, DIFFERS:\n  ${diffs.join('\n  ')}`
            : rec.unchanged
              ? ', unchanged'
              : ', written'),
      );
    }
  }
  if (staging !== undefined) {
    rmSync(staging, { recursive: true, force: true });
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
