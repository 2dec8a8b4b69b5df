#!/usr/bin/env node
// One set-up for `npm start` and `.ci/run`: installs what is missing (Debian packages when run as
// root, otherwise prints the exact command), npm dependencies, and the build. Quick when
// everything is already there: each step checks before it acts.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

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

function ensureBuild() {
  log('building');
  run('npm', ['run', 'build', '--silent']);
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

// The tslab kernelspec and the plugin in the project-local Jupyter prefix (.jupyter/).
async function ensureJupyterPrefix() {
  const { installInto } = await import('./lab.mjs');
  installInto(join(root, '.jupyter'));
  log('kernelspec and plugin installed in .jupyter/');
}

const t0 = Date.now();
ensureApt();
ensureNpm();
ensureBuild();
await ensureLabApp();
await ensureJupyterPrefix();
log(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
