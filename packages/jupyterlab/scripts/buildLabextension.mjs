#!/usr/bin/env node
// Builds the prebuilt (federated) extension into labextension/ with @jupyter/builder against
// JupyterLab 4.6.4's core metadata, then prints the size of what a page loads.
//
// Skipped when the last successful build is newer than every input (lib/ from tsc, src/, style/,
// package.json, tsconfig.json, this script, the lockfile that pins the builder and plotly, and
// JupyterLab's core metadata): the bundler costs about a second even when nothing changed, and
// `npm start` and `npm test` build every time. `--force` (or LOSSLAB_FORCE_BUILD=1) rebuilds.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(here, 'package.json'));
const builder = require.resolve('@jupyter/builder/lib/build-labextension.js');
const corePackage = require.resolve('@jupyterlab/core-meta/core.package.json');
const output = join(here, 'labextension');
// The time of the last successful build's start; outside labextension/ so that it is neither
// installed nor packed into the wheel.
const stamp = join(here, 'node_modules', '.cache', 'labextension.stamp');

/** Newest modification time under `path` (a file or a folder, recursively); 0 if absent. */
function newestMtime(path, skip = () => false) {
  if (!existsSync(path) || skip(path)) {
    return 0;
  }
  const st = statSync(path);
  if (!st.isDirectory()) {
    return st.mtimeMs;
  }
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) {
    newest = Math.max(newest, newestMtime(join(path, name), skip));
  }
  return newest;
}

/** What the bundle is made from (test files and fixtures are not). */
function inputs() {
  return [
    join(here, 'lib'),
    join(here, 'src'),
    // The kernel's browser-safe entry (lib/browser.js and what it imports) is bundled too.
    join(here, '..', 'kernel', 'lib'),
    join(here, 'style'),
    join(here, 'package.json'),
    join(here, 'tsconfig.json'),
    fileURLToPath(import.meta.url),
    join(here, '..', '..', 'package-lock.json'),
    corePackage,
  ];
}

const notBundled = (path) => /\.test\.|__fixtures__/.test(path);

/** True when labextension/ holds a build newer than every input. */
function upToDate() {
  if (!existsSync(stamp) || !existsSync(join(output, 'package.json'))) {
    return false;
  }
  const built = statSync(stamp).mtimeMs;
  return inputs().every((path) => newestMtime(path, notBundled) < built);
}

const force = process.argv.includes('--force') || process.env.LOSSLAB_FORCE_BUILD === '1';
if (!force && upToDate()) {
  console.log('[@losslab/jupyterlab] labextension up to date (inputs older than the last build)');
  process.exit(0);
}
const started = new Date();

const r = spawnSync(process.execPath, [builder, '--core-package-file', corePackage, here], {
  stdio: ['ignore', 'pipe', 'inherit'],
  cwd: here,
});
if (r.status !== 0) {
  process.stdout.write(r.stdout);
  process.exit(r.status ?? 1);
}

// Stamped with the build's start: an input saved while the bundler ran is newer, so it rebuilds.
mkdirSync(dirname(stamp), { recursive: true });
writeFileSync(stamp, `${started.toISOString()}\n`);
utimesSync(stamp, started, started);

const staticDir = join(output, 'static');
const files = readdirSync(staticDir).filter((f) => f.endsWith('.js'));
const kib = (f) => (statSync(join(staticDir, f)).size / 1024).toFixed(1);
const plotly = files.filter((f) => /plotly/.test(f));
const rest = files.filter((f) => !plotly.includes(f));
console.log(
  `[@losslab/jupyterlab] labextension built: ${rest.map((f) => `${f} ${kib(f)} KiB`).join(', ')}; ` +
    `plotly chunk (loaded on first chart): ${plotly.map((f) => `${f} ${kib(f)} KiB`).join(', ')}`,
);
