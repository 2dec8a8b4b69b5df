#!/usr/bin/env node
// `npm start` (after scripts/setup.mjs): opens JupyterLab on notebooks/ with both TypeScript
// kernels (tslab and Deno) and the loss-curve plugin, prints the URL, and stops everything on Ctrl+C.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { root, startLab } from './lab.mjs';

// scripts/setup.mjs (run first by `npm start`) installed the kernelspecs and the plugin into
// .jupyter/ and signed the notebooks there.
const notebookDir = join(root, 'notebooks');
mkdirSync(notebookDir, { recursive: true });
const t0 = Date.now();
const lab = await startLab({
  notebookDir,
  port: Number(process.env.PORT) || 8888,
  log: process.env.LOSSLAB_VERBOSE ? (line) => console.log(line) : undefined,
});
console.log(
  `\n  ${lab.flavour} is running (started in ${((Date.now() - t0) / 1000).toFixed(1)} s):\n\n    ${lab.url}\n\n  Ctrl+C stops it.\n`,
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (stopping) {
      return;
    }
    stopping = true;
    console.log('\n  stopping JupyterLab and its kernels…');
    void lab.stop().then(() => process.exit(0));
  });
}
