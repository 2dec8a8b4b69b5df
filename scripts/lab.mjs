#!/usr/bin/env node
// Starts JupyterLab for `npm start` and the browser tests: `jupyter lab` when the machine has a
// JupyterLab 4, otherwise the JupyterLab 4.6.4 frontend built in app/ served by Debian's
// jupyter_server (app/server/losslab_lab.py). All Jupyter state stays in one folder (the repo's
// .jupyter/ by default), where the tslab kernelspec and the plugin are installed.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Debian's Python: the one with jupyter_server (the pyenv python3 on PATH lacks it). */
export const PYTHON = '/usr/bin/python3';
export const LABEXTENSION = join(root, 'packages', 'jupyterlab', 'labextension');
const APP_SERVER = join(root, 'app', 'server', 'losslab_lab.py');

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
 * Installs the tslab kernelspec and the plugin under `<stateDir>/share/jupyter`. The kernelspec
 * is written as `tslab install --prefix` would (that command needs IPython, which Debian's
 * Jupyter packages lack); the plugin is a symlink to the built labextension, so a rebuild shows
 * up without reinstalling.
 */
export function installInto(stateDir = join(root, '.jupyter')) {
  const share = join(stateDir, 'share', 'jupyter');
  const kernelDir = join(share, 'kernels', 'tslab');
  mkdirSync(kernelDir, { recursive: true });
  const spec = {
    argv: [
      join(root, 'node_modules', '.bin', 'tslab'),
      'kernel',
      '--config-path',
      '{connection_file}',
    ],
    display_name: 'TypeScript',
    language: 'typescript',
  };
  writeFileSync(join(kernelDir, 'kernel.json'), `${JSON.stringify(spec, null, 1)}\n`);
  const ext = join(share, 'labextensions', '@losslab', 'jupyterlab');
  mkdirSync(dirname(ext), { recursive: true });
  if (existsSync(ext) || isLink(ext)) {
    rmSync(ext, { recursive: true, force: true });
  }
  try {
    symlinkSync(LABEXTENSION, ext, 'dir');
  } catch {
    cpSync(LABEXTENSION, ext, { recursive: true });
  }
}

function isLink(path) {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
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
