#!/usr/bin/env node
// Builds the prebuilt (federated) extension into labextension/ with @jupyter/builder against
// JupyterLab 4.6.4's core metadata, then prints the size of what a page loads.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(here, 'package.json'));
const builder = require.resolve('@jupyter/builder/lib/build-labextension.js');
const corePackage = require.resolve('@jupyterlab/core-meta/core.package.json');

const r = spawnSync(process.execPath, [builder, '--core-package-file', corePackage, here], {
  stdio: ['ignore', 'pipe', 'inherit'],
  cwd: here,
});
if (r.status !== 0) {
  process.stdout.write(r.stdout);
  process.exit(r.status ?? 1);
}

const staticDir = join(here, 'labextension', 'static');
const files = readdirSync(staticDir).filter((f) => f.endsWith('.js'));
const kib = (f) => (statSync(join(staticDir, f)).size / 1024).toFixed(1);
const plotly = files.filter((f) => /plotly/.test(f));
const rest = files.filter((f) => !plotly.includes(f));
console.log(
  `[@losslab/jupyterlab] labextension built: ${rest.map((f) => `${f} ${kib(f)} KiB`).join(', ')}; ` +
    `plotly chunk (loaded on first chart): ${plotly.map((f) => `${f} ${kib(f)} KiB`).join(', ')}`,
);
