// A throw-away Jupyter installation for tests: every Jupyter state folder in a temp directory,
// and the tslab kernelspec written there, pointing at this repo's own tslab binary. Nothing is
// read from or written to the user's ~/.jupyter or ~/.local/share/jupyter.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The built CLI (lib/), as users run it; `npm test` builds before it runs the tests.
import { install } from '@losslab/kernel/lib/cli';

/** The repository root (this file is test/support/jupyterEnv.ts). */
export const REPO_ROOT = resolve(__dirname, '..', '..');
/** Debian's Python, the one with jupyter_client, nbclient and nbconvert. */
export const PYTHON = '/usr/bin/python3';
/** This repo's tslab binary (an absolute path: kernelspecs must not depend on PATH). */
export const TSLAB_BIN = join(REPO_ROOT, 'node_modules', 'tslab', 'bin', 'tslab');

export interface JupyterEnv {
  /** The temp folder holding everything; removed by `dispose`. */
  root: string;
  /** The prefix the kernelspec went to: `<prefix>/share/jupyter/kernels/tslab`. */
  prefix: string;
  /** Environment for any Jupyter process (server, nbconvert, kernel driver). */
  env: NodeJS.ProcessEnv;
  dispose(): void;
}

/**
 * Installs the tslab kernelspec into `prefix` with the product's own installer, the built
 * `losslab install --prefix <prefix> --link` (packages/kernel/lib/cli.js), so the tests run the
 * kernelspec users get. The plugin, when built, goes in as a symlink (cheap, nothing copied).
 * Returns the kernelspec folder, `<prefix>/share/jupyter/kernels/tslab`.
 */
export function installTslabKernelspec(prefix: string): string {
  const [kernelDir] = install({
    location: { kind: 'prefix', prefix },
    python: PYTHON,
    tslab: TSLAB_BIN,
    link: true,
    log: () => undefined,
  });
  return kernelDir as string;
}

/** Creates the temp Jupyter state and installs the tslab kernelspec into it. */
export function createJupyterEnv(): JupyterEnv {
  const root = mkdtempSync(join(tmpdir(), 'losslab-jupyter-'));
  const prefix = join(root, 'prefix');
  const dirs = {
    JUPYTER_CONFIG_DIR: join(root, 'config'),
    JUPYTER_DATA_DIR: join(root, 'data'),
    JUPYTER_RUNTIME_DIR: join(root, 'runtime'),
    IPYTHONDIR: join(root, 'ipython'),
  };
  for (const dir of Object.values(dirs)) {
    mkdirSync(dir, { recursive: true });
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...dirs,
    JUPYTER_PATH: join(prefix, 'share', 'jupyter'),
    // Ignore kernelspecs in /usr/share/jupyter etc. that are not ours.
    JUPYTER_PLATFORM_DIRS: '1',
    PYTHONNOUSERSITE: '1',
  };
  installTslabKernelspec(prefix);
  return {
    root,
    prefix,
    env,
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}
