// The `losslab` command: install, uninstall and report the kernelspecs (tslab's and Deno's) and
// the prebuilt JupyterLab plugin. Plain Node (no Jupyter Python code runs except to ask Jupyter
// where its folders are), so it works with Debian's Jupyter, which has no IPython for
// `tslab install`, and never writes to the home folder as `deno jupyter --install` does.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Debian packages that provide what `losslab install` needs. */
export const JUPYTER_DEBIAN_PACKAGES: readonly string[] = [
  'python3-jupyter-server',
  'python3-jupyterlab-server',
  'python3-jupyter-client',
  'python3-nbclient',
  'jupyter-nbconvert',
];

/** The TypeScript kernels `losslab install` registers; each kernelspec folder has this name. */
export type KernelName = 'tslab' | 'deno';

/** Every kernel losslab knows, in the order they are installed and reported. */
export const KERNELS: readonly KernelName[] = ['tslab', 'deno'];

/** Where to install, as `tslab install` and `jupyter labextension` take it. */
export type InstallLocation =
  { kind: 'user' } | { kind: 'sys-prefix' } | { kind: 'prefix'; prefix: string };

/** Options of the CLI functions. */
export interface CliOptions {
  location?: InstallLocation;
  /** The Python whose Jupyter decides the folders (default /usr/bin/python3 when present). */
  python?: string;
  /**
   * Which kernelspecs to install or uninstall: one kernel, or `'all'` (both, each binary must be
   * there). Default: install every kernel whose binary is installed here; uninstall all.
   */
  kernel?: KernelName | 'all';
  /** The tslab binary the kernelspec runs (default: this repo's, resolved from this package). */
  tslab?: string;
  /** The Deno binary the kernelspec runs (default: this repo's npm `deno`, its platform binary). */
  deno?: string;
  /** The prebuilt plugin folder (default: @losslab/jupyterlab's `labextension/`, when built). */
  labextension?: string;
  /**
   * Install the plugin as a symlink to the built folder instead of a copy (`--link`), for
   * development: a rebuild of the plugin shows after a page reload, with no reinstall.
   */
  link?: boolean;
  /** Where messages go (default console.log). */
  log?: (line: string) => void;
}

/** What Jupyter says about itself. */
export interface JupyterInfo {
  python: string;
  dataDir: string;
  sysPrefix: string;
  path: string[];
  versions: Record<string, string | null>;
}

/** An error the CLI reports as one clear message (exit code 1), never a stack trace. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

const PROBE = `
import json, sys
try:
    import jupyter_core.paths as p
    import jupyter_client
except Exception as e:
    print(json.dumps({"error": str(e)})); sys.exit(0)
def ver(m):
    try:
        return __import__(m).__version__
    except Exception:
        return None
print(json.dumps({"dataDir": p.jupyter_data_dir(), "sysPrefix": sys.prefix, "path": p.jupyter_path(),
  "versions": {m: ver(m) for m in ["jupyter_core", "jupyter_client", "jupyter_server", "jupyterlab_server", "nbclient", "nbconvert"]}}))
`;

function defaultPython(): string {
  return existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
}

/** Asks `python` where Jupyter keeps its data; a `CliError` naming the Debian packages when it cannot. */
export function probeJupyter(python = defaultPython()): JupyterInfo {
  const missing = (why: string): CliError =>
    new CliError(
      `losslab: Jupyter was not found for ${python} (${why}).\n` +
        `Install it with Debian's packages:\n  sudo apt-get install ${JUPYTER_DEBIAN_PACKAGES.join(' ')}\n` +
        `or pass --python <a python with jupyter_client and jupyter_server>.`,
    );
  let out: string;
  try {
    out = execFileSync(python, ['-c', PROBE], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    throw missing((e as Error).message.split('\n')[0] ?? 'cannot run it');
  }
  const info = JSON.parse(out) as Partial<JupyterInfo> & { error?: string };
  if (info.error !== undefined) {
    throw missing(info.error);
  }
  return {
    python,
    dataDir: info.dataDir as string,
    sysPrefix: info.sysPrefix as string,
    path: info.path ?? [],
    versions: info.versions ?? {},
  };
}

/** The `share/jupyter` folder of a location. */
export function jupyterDataDir(location: InstallLocation, info: JupyterInfo): string {
  switch (location.kind) {
    case 'user':
      return info.dataDir;
    case 'sys-prefix':
      return join(info.sysPrefix, 'share', 'jupyter');
    case 'prefix':
      return join(resolve(location.prefix), 'share', 'jupyter');
  }
}

function packageRoot(): string {
  // lib/cli.js or src/cli.ts: the package is one level up.
  return resolve(__dirname, '..');
}

/** This repo's tslab binary, or null when npm did not install it. */
function findTslab(): string | null {
  try {
    const bin = join(
      dirname(require.resolve('tslab/package.json', { paths: [packageRoot()] })),
      'bin',
      'tslab',
    );
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

/** npm `deno`'s binary packages by platform (its optionalDependencies, `@deno/<target>`). */
function denoTarget(): string {
  const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
  return process.platform === 'linux' ? `linux-${arch}-glibc` : `${process.platform}-${arch}`;
}

/**
 * This repo's Deno binary, or null when npm did not install it. npm `deno` copies its platform
 * package's binary over its own `deno` in a postinstall script; when npm skipped that script
 * (npm 11 warns that it did), the binary is still in `@deno/<platform>`. The kernelspec names
 * the binary itself, never `node_modules/.bin/deno` (a Node wrapper when the script did not run).
 */
function findDeno(): string | null {
  const exe = process.platform === 'win32' ? 'deno.exe' : 'deno';
  try {
    const dir = dirname(require.resolve('deno/package.json', { paths: [packageRoot()] }));
    if (existsSync(join(dir, exe))) {
      return join(dir, exe);
    }
    const platform = require.resolve(`@deno/${denoTarget()}/package.json`, { paths: [dir] });
    return existsSync(join(dirname(platform), exe)) ? join(dirname(platform), exe) : null;
  } catch {
    return null;
  }
}

/** This repo's binary of `kernel` (npm's tslab or deno), or null when npm did not install it. */
export function kernelBinary(kernel: KernelName): string | null {
  return kernel === 'tslab' ? findTslab() : findDeno();
}

/** What a kernelspec of ours runs and says. */
interface KernelSpec {
  argv: string[];
  display_name: string;
  language: string;
  env?: Record<string, string>;
  metadata: { losslab: { version: string } };
}

/**
 * The kernelspec of `kernel` running `binary`. Deno's is the one `deno jupyter --install` writes,
 * plus an environment that keeps it offline: no update check (the jupyter subcommand takes no
 * `--cached-only` or `--no-remote`; imports resolve from node_modules through the repo's
 * deno.json, `nodeModulesDir: "manual"`), and `denoDir` (when given) for Deno's cache instead of
 * `~/.cache/deno`.
 */
export function kernelSpec(
  kernel: KernelName,
  binary: string,
  options: { denoDir?: string } = {},
): KernelSpec {
  const cache: Record<string, string> =
    options.denoDir === undefined ? {} : { DENO_DIR: options.denoDir };
  const metadata = { losslab: { version: ourVersion() } };
  return kernel === 'tslab'
    ? {
        argv: [binary, 'kernel', '--config-path', '{connection_file}'],
        display_name: 'TypeScript',
        language: 'typescript',
        metadata,
      }
    : {
        argv: [binary, 'jupyter', '--kernel', '--conn', '{connection_file}'],
        display_name: 'Deno',
        language: 'typescript',
        env: { DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1', ...cache },
        metadata,
      };
}

/**
 * The kernels to install with their binaries: the one(s) asked for, each of which must exist, or
 * by default every kernel installed here (at least one).
 */
function chooseKernels(options: CliOptions): { kernel: KernelName; binary: string }[] {
  const given: Record<KernelName, string | undefined> = {
    tslab: options.tslab,
    deno: options.deno,
  };
  const found = (k: KernelName): string | null => {
    const explicit = given[k];
    if (explicit !== undefined) {
      const bin = resolve(explicit);
      if (!existsSync(bin)) {
        throw new CliError(`losslab install: the ${k} binary ${bin} does not exist`);
      }
      return bin;
    }
    return kernelBinary(k);
  };
  const wanted =
    options.kernel === undefined || options.kernel === 'all' ? KERNELS : [options.kernel];
  const chosen: { kernel: KernelName; binary: string }[] = [];
  for (const kernel of wanted) {
    const binary = found(kernel);
    if (binary !== null) {
      chosen.push({ kernel, binary });
    } else if (options.kernel !== undefined) {
      throw new CliError(
        `losslab: ${kernel} is not installed here (npm package \`${kernel}\`). Run \`npm install\` at the repository root first.`,
      );
    }
  }
  if (chosen.length === 0) {
    throw new CliError(
      'losslab: neither tslab nor deno is installed here. Run `npm install` at the repository root first.',
    );
  }
  return chosen;
}

/** True when the kernelspec folder `dir` was written by losslab (its kernel.json says so). */
function ours(dir: string): boolean {
  try {
    const spec = JSON.parse(readFileSync(join(dir, 'kernel.json'), 'utf8')) as Partial<KernelSpec>;
    return spec.metadata?.losslab !== undefined;
  } catch {
    return false;
  }
}

function findLabextension(): string | null {
  const dir = join(packageRoot(), '..', 'jupyterlab', 'labextension');
  return existsSync(join(dir, 'package.json')) ? dir : null;
}

function ourVersion(): string {
  return (
    JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }
  ).version;
}

/** True when something (a file, a folder or a symlink, even a dangling one) is at `path`. */
function present(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

interface Item {
  target: string;
  stage: (dir: string) => void;
}

// Stage every item next to its target, then swap them in with renames; if anything fails, the
// staged copies are removed and the previous installation is put back: never half an install.
function installAtomically(items: Item[]): void {
  const suffix = `.losslab-${process.pid}-${Date.now()}`;
  const staged: string[] = [];
  const swapped: { target: string; old: string | null }[] = [];
  try {
    for (const item of items) {
      mkdirSync(dirname(item.target), { recursive: true });
      const dir = `${item.target}${suffix}.new`;
      staged.push(dir);
      item.stage(dir);
    }
    items.forEach((item, i) => {
      let old: string | null = null;
      // lstat, not exists: a dangling symlink left by an earlier `--link` install is replaced too.
      if (present(item.target)) {
        old = `${item.target}${suffix}.old`;
        renameSync(item.target, old);
      }
      swapped.push({ target: item.target, old });
      renameSync(staged[i] as string, item.target);
    });
  } catch (e) {
    for (const { target, old } of swapped.reverse()) {
      rmSync(target, { recursive: true, force: true });
      if (old !== null) {
        renameSync(old, target);
      }
    }
    for (const dir of staged) {
      rmSync(dir, { recursive: true, force: true });
    }
    throw new CliError(`losslab install: failed, nothing was changed (${(e as Error).message})`);
  }
  for (const { old } of swapped) {
    if (old !== null) {
      rmSync(old, { recursive: true, force: true });
    }
  }
}

/**
 * Installs the kernelspecs (`options.kernel`, default every kernel installed here: tslab, Deno)
 * and the plugin when built, all or nothing. Returns the paths written, kernelspecs first.
 */
export function install(options: CliOptions = {}): string[] {
  const log = options.log ?? console.log;
  const kernels = chooseKernels(options);
  const info = probeJupyter(options.python);
  const location = options.location ?? { kind: 'user' };
  const data = jupyterDataDir(location, info);
  // A prefix keeps everything (`npm start`'s .jupyter/): Deno's cache goes there too.
  const denoDir = location.kind === 'prefix' ? join(resolve(location.prefix), 'deno') : undefined;
  const items: Item[] = kernels.map(({ kernel, binary }) => ({
    target: join(data, 'kernels', kernel),
    stage: (dir) => {
      mkdirSync(dir, { recursive: true });
      const spec = kernelSpec(kernel, binary, { denoDir });
      writeFileSync(join(dir, 'kernel.json'), `${JSON.stringify(spec, null, 1)}\n`);
    },
  }));
  for (const { kernel } of kernels) {
    const target = join(data, 'kernels', kernel);
    if (present(target) && !ours(target)) {
      log(`replacing ${target}: a ${kernel} kernelspec not written by losslab`);
    }
  }
  const ext = options.labextension ?? findLabextension();
  if (ext !== null) {
    if (!existsSync(join(ext, 'package.json'))) {
      throw new CliError(`losslab install: ${ext} is not a built lab extension (no package.json)`);
    }
    const source = resolve(ext);
    items.push({
      target: join(data, 'labextensions', '@losslab', 'jupyterlab'),
      // A symlink is renamed into place like a folder, so `--link` keeps the all-or-nothing swap.
      stage: (dir) =>
        options.link === true
          ? symlinkSync(source, dir, 'dir')
          : cpSync(source, dir, { recursive: true }),
    });
  }
  installAtomically(items);
  for (const item of items) {
    const link = present(item.target) && lstatSync(item.target).isSymbolicLink();
    log(`installed ${item.target}${link ? ` (link to ${readlinkSync(item.target)})` : ''}`);
  }
  if (ext === null) {
    log('the JupyterLab plugin is not built (npm run build); installed the kernelspecs only');
  }
  return items.map((i) => i.target);
}

/**
 * Removes what `install` put at the location: the kernelspecs (`options.kernel`, default both)
 * and, unless one kernel was named, the plugin. A Deno kernelspec losslab did not write (one of
 * `deno jupyter --install`) is left in place. Returns the paths removed.
 */
export function uninstall(options: CliOptions = {}): string[] {
  const log = options.log ?? console.log;
  const info = probeJupyter(options.python);
  const data = jupyterDataDir(options.location ?? { kind: 'user' }, info);
  const removed: string[] = [];
  const one = options.kernel !== undefined && options.kernel !== 'all';
  const kernels = one ? [options.kernel as KernelName] : KERNELS;
  // A Deno kernelspec may be the user's own (`deno jupyter --install`): only ours is removed.
  const targets = kernels.map((k) => ({ path: join(data, 'kernels', k), mineOnly: k === 'deno' }));
  if (!one) {
    targets.push({ path: join(data, 'labextensions', '@losslab', 'jupyterlab'), mineOnly: false });
  }
  for (const { path, mineOnly } of targets) {
    if (!present(path)) {
      continue;
    }
    if (mineOnly && !ours(path)) {
      log(`left ${path}: a kernelspec not written by losslab`);
      continue;
    }
    rmSync(path, { recursive: true, force: true });
    removed.push(path);
    log(`removed ${path}`);
  }
  if (removed.length === 0) {
    log(`nothing to remove in ${data}`);
  }
  return removed;
}

/** One line per place Jupyter looks: what is installed there and whether its binary exists. */
export function status(options: CliOptions = {}): string[] {
  const info = probeJupyter(options.python);
  const dirs = new Set<string>(info.path);
  if (options.location !== undefined) {
    dirs.add(jupyterDataDir(options.location, info));
  }
  const lines: string[] = [
    `python ${info.python}: ` +
      Object.entries(info.versions)
        .map(([k, v]) => `${k} ${v ?? 'missing'}`)
        .join(', '),
  ];
  for (const dir of dirs) {
    for (const kernel of KERNELS) {
      const spec = join(dir, 'kernels', kernel, 'kernel.json');
      if (existsSync(spec)) {
        const argv0 = (JSON.parse(readFileSync(spec, 'utf8')) as { argv: string[] }).argv[0] ?? '';
        const mine = ours(dirname(spec)) ? '' : ' (not written by losslab)';
        lines.push(
          `kernel ${kernel}: ${spec} -> ${argv0}${existsSync(argv0) ? '' : ' (MISSING binary)'}${mine}`,
        );
      }
    }
    const extDir = join(dir, 'labextensions', '@losslab', 'jupyterlab');
    const ext = join(extDir, 'package.json');
    const link = present(extDir) && lstatSync(extDir).isSymbolicLink();
    if (existsSync(ext)) {
      const v = (JSON.parse(readFileSync(ext, 'utf8')) as { version?: string }).version ?? '?';
      lines.push(
        `plugin @losslab/jupyterlab ${v}: ${extDir}${link ? ` -> ${readlinkSync(extDir)}` : ''}`,
      );
    } else if (link) {
      lines.push(
        `plugin @losslab/jupyterlab: ${extDir} -> ${readlinkSync(extDir)} (MISSING build)`,
      );
    }
  }
  if (lines.length === 1) {
    lines.push('nothing installed (run: npx losslab install)');
  }
  (options.log ?? console.log)(lines.join('\n'));
  return lines;
}

const USAGE = `usage: losslab <install|uninstall|status> [--user | --sys-prefix | --prefix P] [--python PY]
                [--kernel tslab|deno|all] [--tslab BIN] [--deno BIN] [--labextension DIR] [--link]
  install    register the kernelspecs (this repo's tslab and Deno; --kernel picks one, default every
             kernel installed here) and the JupyterLab plugin when built;
             --link symlinks the plugin to its build folder (development: rebuilds show at once)
  uninstall  remove them from the location (--kernel K: that kernelspec only)
  status     what is installed where, and the Jupyter versions`;

/** Parses argv and runs a command; returns the exit code. */
export function main(argv: readonly string[], log: (line: string) => void = console.log): number {
  const [command, ...rest] = argv;
  const options: CliOptions = { log };
  try {
    for (let i = 0; i < rest.length; i++) {
      const arg = rest[i];
      const value = (): string => {
        const v = rest[++i];
        if (v === undefined) {
          throw new CliError(`losslab: ${arg} needs a value\n${USAGE}`);
        }
        return v;
      };
      if (arg === '--user') {
        options.location = { kind: 'user' };
      } else if (arg === '--sys-prefix') {
        options.location = { kind: 'sys-prefix' };
      } else if (arg === '--prefix') {
        options.location = { kind: 'prefix', prefix: value() };
      } else if (arg === '--python') {
        options.python = value();
      } else if (arg === '--kernel') {
        const kernel = value();
        if (kernel !== 'tslab' && kernel !== 'deno' && kernel !== 'all') {
          throw new CliError(`losslab: --kernel takes tslab, deno or all, got ${kernel}\n${USAGE}`);
        }
        options.kernel = kernel;
      } else if (arg === '--tslab') {
        options.tslab = value();
      } else if (arg === '--deno') {
        options.deno = value();
      } else if (arg === '--labextension') {
        options.labextension = value();
      } else if (arg === '--link') {
        options.link = true;
      } else {
        throw new CliError(`losslab: unknown option ${arg}\n${USAGE}`);
      }
    }
    if (command === 'install') {
      install(options);
    } else if (command === 'uninstall') {
      uninstall(options);
    } else if (command === 'status') {
      status(options);
    } else {
      log(USAGE);
      return command === undefined || command === '--help' || command === '-h' ? 0 : 2;
    }
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}
