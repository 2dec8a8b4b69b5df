#!/usr/bin/env node
// Starts JupyterLab for `npm start` and the browser tests: `jupyter lab` when the machine has a
// JupyterLab 4, otherwise the JupyterLab 4.6.4 frontend built in app/ served by Debian's
// jupyter_server (app/server/losslab_lab.py). All Jupyter state stays in one folder (the repo's
// .jupyter/ by default), where the kernelspecs (tslab and Deno) and the plugin are installed.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Debian's Python: the one with jupyter_server (the pyenv python3 on PATH lacks it). */
export const PYTHON = '/usr/bin/python3';
export const LABEXTENSION = join(root, 'packages', 'jupyterlab', 'labextension');
const APP_SERVER = join(root, 'app', 'server', 'losslab_lab.py');
/** The built `losslab` CLI (packages/kernel/src/cli.ts). */
const KERNEL_CLI = join(root, 'packages', 'kernel', 'lib', 'cli.js');
const require = createRequire(import.meta.url);

/** Jupyter's environment variables for a state folder: nothing is read from or written to ~. */
export function jupyterEnv(stateDir = join(root, '.jupyter')) {
  return {
    ...process.env,
    JUPYTER_CONFIG_DIR: join(stateDir, 'config'),
    JUPYTER_DATA_DIR: join(stateDir, 'data'),
    JUPYTER_RUNTIME_DIR: join(stateDir, 'runtime'),
    JUPYTER_PATH: join(stateDir, 'share', 'jupyter'),
    JUPYTER_PLATFORM_DIRS: '1',
    PYTHONNOUSERSITE: '1',
  };
}

/**
 * Installs the kernelspecs (tslab's and Deno's: every kernel npm installed) and the plugin under
 * `<stateDir>/share/jupyter` with the product's own installer
 * (`losslab install --prefix <stateDir> --link`, from the built
 * packages/kernel/lib/cli.js): one kernelspec writer for `npm start`, the tests and users. The
 * plugin is a symlink to the built labextension, so a rebuild shows up after a page reload.
 *
 * @returns {string[]} the installed paths (kernelspec folders, then the plugin link)
 */
export function installInto(stateDir = join(root, '.jupyter')) {
  if (!existsSync(KERNEL_CLI)) {
    throw new Error(`${KERNEL_CLI} is not built: run \`npm run build\` first`);
  }
  const { install } = require(KERNEL_CLI);
  return install({
    location: { kind: 'prefix', prefix: stateDir },
    python: PYTHON,
    link: true,
    log: () => {},
  });
}

/** The version of a JupyterLab installed for Debian's Python, or null. */
export function systemJupyterLab() {
  try {
    return execFileSync(PYTHON, ['-c', 'import jupyterlab; print(jupyterlab.__version__)'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
  } catch {
    return null;
  }
}

/** A free TCP port on the loopback interface (`preferred` when it is free). */
export function freePort(preferred = 0) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(freePort(0)));
    server.listen(preferred, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForServer(base, token, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`JupyterLab exited with code ${child.exitCode}`);
    }
    try {
      const res = await globalThis.fetch(`${base}/api/status?token=${token}`);
      if (res.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`JupyterLab did not answer at ${base} within ${timeoutMs} ms`);
}

/**
 * Starts JupyterLab on 127.0.0.1 and resolves when it answers.
 *
 * @param {{ notebookDir?: string, stateDir?: string, port?: number, token?: string,
 *   log?: (line: string) => void, timeoutMs?: number }} options
 * @returns {Promise<{ url: string, base: string, token: string, port: number, flavour: string,
 *   stop: () => Promise<void> }>}
 */
export async function startLab(options = {}) {
  const stateDir = options.stateDir ?? join(root, '.jupyter');
  const notebookDir = options.notebookDir ?? join(root, 'notebooks');
  const token = options.token ?? randomBytes(16).toString('hex');
  const port = await freePort(options.port ?? 0);
  const env = jupyterEnv(stateDir);
  const args = [
    '--no-browser',
    '--ip=127.0.0.1',
    `--port=${port}`,
    '--ServerApp.port_retries=0',
    `--ServerApp.token=${token}`,
    `--ServerApp.root_dir=${notebookDir}`,
  ];
  if (typeof process.getuid === 'function' && process.getuid() === 0) {
    args.push('--allow-root');
  }
  const system = systemJupyterLab();
  const flavour = system?.startsWith('4.') ? `jupyter lab ${system}` : 'JupyterLab 4.6.4 (app/)';
  const argv = system?.startsWith('4.') ? ['-m', 'jupyterlab', ...args] : [APP_SERVER, ...args];
  // Own process group: Ctrl+C reaches this script, which then stops the server and its kernels
  // cleanly (jupyter_server would otherwise ask for a confirmation on the terminal).
  const child = spawn(PYTHON, argv, {
    cwd: notebookDir,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = options.log ?? (() => {});
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => chunk.split('\n').filter(Boolean).forEach(log));
  }
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        resolve();
        return;
      }
      const kill = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      // SIGTERM: jupyter_server shuts its kernels down before exiting.
      process.kill(-child.pid, 'SIGTERM');
    });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(base, token, child, options.timeoutMs ?? 30_000);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url: `${base}/lab?token=${token}`, base, token, port, flavour, stop };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const lab = await startLab({ log: (line) => console.log(line) });
  console.log(lab.url);
  process.on('SIGINT', () => lab.stop().then(() => process.exit(0)));
}
