#!/usr/bin/env node
// One set-up for `npm start` and `.ci/run`: installs what is missing (Debian packages when run as
// root, otherwise prints the exact command), npm dependencies, and the build. Quick when
// everything is already there: each step checks before it acts.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Debian's Python: the one with Jupyter and nbformat. */
const PYTHON = '/usr/bin/python3';

/** Debian packages the project uses, and why. */
export const APT_PACKAGES = [
  'python3-numpy', // reference values for tests and the numpy side of the benchmark
  'python3-jupyter-server', // serves JupyterLab and runs the tslab kernel
  'python3-jupyterlab-server',
  'python3-jupyter-client', // integration tests talk to a real kernel
  'python3-nbclient', // executes notebooks
  'jupyter-nbconvert', // HTML export of notebooks
  'python3-nbformat',
  'python3-hatchling', // builds the plugin's wheel
  'python3-build',
  'chromium', // browser tests, driven by playwright-core
  'fonts-liberation', // text in Chromium's pages and screenshots (a recommends we don't install)
  'fonts-noto-cjk', // Chinese text (the article's titles, the Chinese edition) in Chromium
  'libjs-mathjax', // the nbconvert HTML export loads MathJax from /usr/share/javascript
  'libjs-requirejs', // and RequireJS (require.min.js), which it references beside MathJax
  'python3-torch', // PyTorch 1.13: reference values for losses, optimizers and schedules
  'clang', // compiles core's WebAssembly SIMD kernels (packages/core/scripts/build_wasm.mjs)
  'lld', // wasm-ld, clang's linker for wasm32
];

function log(msg) {
  console.log(`[setup] ${msg}`);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`[setup] failed: ${cmd} ${args.join(' ')}`);
    process.exit(r.status ?? 1);
  }
}

function missingAptPackages() {
  return APT_PACKAGES.filter((pkg) => {
    try {
      const status = execFileSync('dpkg-query', ['-W', '-f=${Status}', pkg], {
        stdio: ['ignore', 'pipe', 'ignore'],
      }).toString();
      return !status.includes('install ok installed');
    } catch {
      return true;
    }
  });
}

function ensureApt() {
  const missing = missingAptPackages();
  if (missing.length === 0) {
    log('Debian packages: present');
    return;
  }
  const cmd = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (typeof process.getuid === 'function' && process.getuid() === 0) {
    log(`installing Debian packages: ${missing.join(' ')}`);
    run('sh', ['-c', cmd], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } else {
    console.error(`[setup] missing Debian packages. Run as root:\n\n  sudo sh -c '${cmd}'\n`);
    process.exit(1);
  }
}

function ensureNpm() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) {
    log('npm dependencies: present');
    return;
  }
  log('installing npm dependencies');
  run('npm', ['install', '--no-audit', '--no-fund']);
}

// `npm run build` (lerna, in dependency order): a no-op build is quick because `tsc -b` is
// incremental and the plugin's bundle step skips when its inputs are older than its output.
function ensureBuild() {
  const t0 = Date.now();
  run('npm', ['run', 'build', '--silent']);
  log(`build: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/** Newest modification time among `files` (0 when none exists). */
function newest(files) {
  return Math.max(0, ...files.filter((f) => existsSync(f)).map((f) => statSync(f).mtimeMs));
}

// The JupyterLab 4.6.4 frontend (app/, outside the workspaces): installed from its own committed
// lockfile and built only when its inputs changed. Skipped when the machine has a JupyterLab 4.
async function ensureLabApp() {
  const { systemJupyterLab } = await import('./lab.mjs');
  const system = systemJupyterLab();
  if (system?.startsWith('4.')) {
    log(`JupyterLab ${system} found: the app in app/ is not needed`);
    return;
  }
  const app = join(root, 'app');
  const marker = join(app, 'node_modules', '.package-lock.json');
  if (!existsSync(marker) || statSync(marker).mtimeMs < newest([join(app, 'package-lock.json')])) {
    log('installing the JupyterLab app (app/)');
    // Not `npm ci`: the registry lacks some non-Linux rspack binaries the lockfile lists.
    run('npm', ['install', '--no-audit', '--no-fund'], { cwd: app });
  } else {
    log('JupyterLab app dependencies: present');
  }
  const built = join(app, 'build', 'static', 'index.html');
  const inputs = ['package-lock.json', 'package.json', 'build.js', 'main.js.tmpl', 'bootstrap.js'];
  if (!existsSync(built) || statSync(built).mtimeMs < newest(inputs.map((f) => join(app, f)))) {
    log('building the JupyterLab app');
    run('node', ['build.js'], { cwd: app });
  } else {
    log('JupyterLab app build: up to date');
  }
}

// The kernelspecs (tslab, Deno) and the plugin in the project-local Jupyter prefix (.jupyter/).
async function ensureJupyterPrefix() {
  const { installInto } = await import('./lab.mjs');
  const kernels = installInto(join(root, '.jupyter'))
    .filter((p) => basename(dirname(p)) === 'kernels')
    .map((p) => basename(p));
  log(`kernelspecs (${kernels.join(', ')}) and plugin installed in .jupyter/`);
}

const SIGN = `
import sys, nbformat
from nbformat.sign import NotebookNotary
notary = NotebookNotary()  # data_dir: JUPYTER_DATA_DIR, i.e. .jupyter/data
for path in sys.argv[1:]:
    notary.sign(nbformat.read(path, as_version=4))
`;

/**
 * Signs notebooks as trusted in the signature store of the Jupyter state folder `stateDir`
 * (`<stateDir>/data/nbsignatures.db`), as `jupyter trust` would.
 */
export async function signNotebooks(paths, stateDir = join(root, '.jupyter')) {
  const { jupyterEnv } = await import('./lab.mjs');
  run(PYTHON, ['-c', SIGN, ...paths], { env: jupyterEnv(stateDir) });
}

/**
 * The committed notebooks of both editions (notebooks/NN-*.ipynb, notebooks/zh/NN-*.ipynb), by
 * their path under notebooks/, with a hash of their bytes.
 */
function notebookHashes() {
  const hashes = {};
  for (const sub of ['', 'zh']) {
    const dir = join(root, 'notebooks', sub);
    if (!existsSync(dir)) {
      continue;
    }
    for (const f of readdirSync(dir)
      .filter((name) => /^\d\d-.*\.ipynb$/.test(name))
      .sort()) {
      hashes[sub === '' ? f : `${sub}/${f}`] = createHash('sha256')
        .update(readFileSync(join(dir, f)))
        .digest('hex');
    }
  }
  return hashes;
}

// Committed notebooks are untrusted in JupyterLab, whose sanitizer then drops the SVG charts of
// their text/html outputs when our plugin is absent. Signing them in the project-local
// signature store (.jupyter/data/nbsignatures.db, nbformat's NotebookNotary) makes JupyterLab
// show them as saved. Only notebooks whose bytes changed since the last signing are signed
// again: the check is a hash of each file against .jupyter/trusted.json, no Python.
async function ensureTrustedNotebooks() {
  const { jupyterEnv } = await import('./lab.mjs');
  const state = join(root, '.jupyter');
  const record = join(state, 'trusted.json');
  const env = jupyterEnv(state);
  const hashes = notebookHashes();
  let signed = {};
  if (existsSync(record) && existsSync(join(env.JUPYTER_DATA_DIR, 'nbsignatures.db'))) {
    signed = JSON.parse(readFileSync(record, 'utf8'));
  }
  const changed = Object.keys(hashes).filter((f) => signed[f] !== hashes[f]);
  if (changed.length === 0) {
    log('notebooks: trusted (unchanged since signed)');
    return;
  }
  await signNotebooks(
    changed.map((f) => join(root, 'notebooks', f)),
    state,
  );
  mkdirSync(state, { recursive: true });
  writeFileSync(record, `${JSON.stringify(hashes, null, 1)}\n`);
  log(`notebooks: signed as trusted in .jupyter/: ${changed.join(', ')}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  ensureApt();
  ensureNpm();
  ensureBuild();
  await ensureLabApp();
  await ensureJupyterPrefix();
  await ensureTrustedNotebooks();
  log(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
