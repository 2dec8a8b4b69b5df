import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { install, main, status, uninstall } from './cli';

let root: string;
let ext: string;
const lines: string[] = [];
const log = (line: string): void => {
  lines.push(line);
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'losslab-cli-'));
  ext = join(root, 'built-ext');
  mkdirSync(join(ext, 'static'), { recursive: true });
  writeFileSync(
    join(ext, 'package.json'),
    JSON.stringify({ name: '@losslab/jupyterlab', version: '9.9.9' }),
  );
  writeFileSync(join(ext, 'static', 'remoteEntry.js'), '// built');
  lines.length = 0;
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const prefix = (): { kind: 'prefix'; prefix: string } => ({
  kind: 'prefix',
  prefix: join(root, 'p'),
});
const share = (): string => join(root, 'p', 'share', 'jupyter');
const NODE_MODULES = resolve(__dirname, '../../../node_modules');

interface Spec {
  argv: string[];
  language: string;
  display_name: string;
  env?: Record<string, string>;
}
const readSpec = (kernel: string): Spec =>
  JSON.parse(readFileSync(join(share(), 'kernels', kernel, 'kernel.json'), 'utf8')) as Spec;

/** What Debian's jupyter_client finds under JUPYTER_PATH=<share>: kernel name -> folder. */
function jupyterKernelspecs(): Record<string, string> {
  return JSON.parse(
    execFileSync(
      '/usr/bin/python3',
      [
        '-c',
        'import json; from jupyter_client.kernelspec import KernelSpecManager as K; print(json.dumps(K().find_kernel_specs()))',
      ],
      { env: { ...process.env, JUPYTER_PATH: share() }, encoding: 'utf8' },
    ),
  ) as Record<string, string>;
}

// Each test runs Debian's Python to ask Jupyter for its folders: slow on a loaded machine.
describe('losslab install / status / uninstall', { timeout: 60_000 }, () => {
  it('installs both kernelspecs (tslab and Deno, each this repo binary) and the plugin into a prefix', () => {
    const written = install({ location: prefix(), labextension: ext, log });
    const specPath = join(share(), 'kernels', 'tslab', 'kernel.json');
    expect(written).toEqual([
      join(share(), 'kernels', 'tslab'),
      join(share(), 'kernels', 'deno'),
      join(share(), 'labextensions', '@losslab', 'jupyterlab'),
    ]);
    const spec = readSpec('tslab');
    expect(spec.argv[0]).toBe(join(NODE_MODULES, 'tslab', 'bin', 'tslab'));
    expect(existsSync(spec.argv[0] as string)).toBe(true);
    expect(spec.argv.slice(1)).toEqual(['kernel', '--config-path', '{connection_file}']);
    expect(spec.language).toBe('typescript');
    // Deno's: the npm binary itself (never the .bin wrapper), offline.
    const deno = readSpec('deno');
    expect([
      join(NODE_MODULES, 'deno', 'deno'),
      join(NODE_MODULES, '@deno', 'linux-x64-glibc', 'deno'),
    ]).toContain(deno.argv[0]);
    expect(execFileSync(deno.argv[0] as string, ['--version'], { encoding: 'utf8' })).toMatch(
      /^deno 2\./,
    );
    expect(deno.argv.slice(1)).toEqual(['jupyter', '--kernel', '--conn', '{connection_file}']);
    expect(deno).toMatchObject({
      display_name: 'Deno',
      language: 'typescript',
      // Installed into a prefix, Deno keeps its cache there too.
      env: { DENO_NO_UPDATE_CHECK: '1', DENO_DIR: join(root, 'p', 'deno') },
    });
    expect(
      readFileSync(
        join(share(), 'labextensions', '@losslab', 'jupyterlab', 'static', 'remoteEntry.js'),
        'utf8',
      ),
    ).toBe('// built');
    // Jupyter itself sees both kernelspecs.
    expect(jupyterKernelspecs()).toEqual({
      tslab: join(share(), 'kernels', 'tslab'),
      deno: join(share(), 'kernels', 'deno'),
    });

    const report = status({ location: prefix(), log });
    expect(report).toContain(`kernel tslab: ${specPath} -> ${spec.argv[0]}`);
    expect(report).toContain(
      `kernel deno: ${join(share(), 'kernels', 'deno', 'kernel.json')} -> ${deno.argv[0]}`,
    );
    expect(report).toContain(
      `plugin @losslab/jupyterlab 9.9.9: ${join(share(), 'labextensions', '@losslab', 'jupyterlab')}`,
    );
    expect(report[0]).toMatch(
      /^python \/usr\/bin\/python3: jupyter_core [\d.]+, jupyter_client [\d.]+/,
    );

    // Reinstalling replaces; uninstalling removes all three and leaves no staging folders behind.
    install({ location: prefix(), labextension: ext, log });
    expect(uninstall({ location: prefix(), log })).toHaveLength(3);
    expect(readdirSync(join(share(), 'kernels'))).toEqual([]);
    expect(readdirSync(join(share(), 'labextensions', '@losslab'))).toEqual([]);
  });

  it('never leaves half an installation: a failing plugin copy keeps the previous kernelspec', () => {
    install({ location: prefix(), labextension: ext, tslab: process.execPath, log });
    const specPath = join(share(), 'kernels', 'tslab', 'kernel.json');
    const before = readFileSync(specPath, 'utf8');
    // A file where the plugin's parent folder must go: the plugin cannot be staged.
    rmSync(join(share(), 'labextensions'), { recursive: true });
    writeFileSync(join(share(), 'labextensions'), 'in the way');
    expect(() => install({ location: prefix(), labextension: ext, log })).toThrow(
      /^losslab install: failed, nothing was changed/,
    );
    expect(readFileSync(specPath, 'utf8')).toBe(before);
    expect(readdirSync(join(share(), 'kernels')).sort()).toEqual(['deno', 'tslab']);
  });

  it('--kernel installs and uninstalls one kernelspec; a Deno kernelspec not ours is left alone', () => {
    expect(main(['install', '--prefix', join(root, 'p'), '--kernel', 'deno'], log)).toBe(0);
    expect(readdirSync(join(share(), 'kernels'))).toEqual(['deno']);
    expect(main(['install', '--prefix', join(root, 'p'), '--kernel', 'tslab'], log)).toBe(0);
    expect(readdirSync(join(share(), 'kernels')).sort()).toEqual(['deno', 'tslab']);
    expect(uninstall({ location: prefix(), kernel: 'tslab', log })).toEqual([
      join(share(), 'kernels', 'tslab'),
    ]);
    expect(readdirSync(join(share(), 'kernels'))).toEqual(['deno']);

    // One the user wrote with `deno jupyter --install` (no losslab metadata): replaced by an
    // install, with a word; kept by an uninstall.
    const user = JSON.stringify({
      argv: ['/usr/local/bin/deno', 'jupyter', '--kernel', '--conn', '{connection_file}'],
      display_name: 'Deno',
      language: 'typescript',
    });
    writeFileSync(join(share(), 'kernels', 'deno', 'kernel.json'), user);
    // Uninstalling everything removes the plugin (installed with the kernels) but not that one.
    expect(uninstall({ location: prefix(), log })).toEqual([
      join(share(), 'labextensions', '@losslab', 'jupyterlab'),
    ]);
    expect(lines).toContain(
      `left ${join(share(), 'kernels', 'deno')}: a kernelspec not written by losslab`,
    );
    expect(readFileSync(join(share(), 'kernels', 'deno', 'kernel.json'), 'utf8')).toBe(user);
    expect(status({ location: prefix(), log })).toContain(
      `kernel deno: ${join(share(), 'kernels', 'deno', 'kernel.json')} -> /usr/local/bin/deno (MISSING binary) (not written by losslab)`,
    );
    install({ location: prefix(), kernel: 'deno', log });
    expect(lines).toContain(
      `replacing ${join(share(), 'kernels', 'deno')}: a deno kernelspec not written by losslab`,
    );
    expect(readSpec('deno').argv[0]).not.toBe('/usr/local/bin/deno');
  });

  it('refuses a kernel whose binary is missing, and an unknown kernel, installing nothing', () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (m: string): void => {
      errors.push(m);
    };
    try {
      const missing = join(root, 'no-deno');
      expect(
        main(['install', '--prefix', join(root, 'p'), '--kernel', 'all', '--deno', missing], log),
      ).toBe(1);
      expect(main(['install', '--prefix', join(root, 'p'), '--kernel', 'ijavascript'], log)).toBe(
        1,
      );
      expect(errors[0]).toBe(`losslab install: the deno binary ${missing} does not exist`);
      expect(errors[1]).toMatch(/^losslab: --kernel takes tslab, deno or all, got ijavascript\n/);
    } finally {
      console.error = original;
    }
    expect(existsSync(join(root, 'p'))).toBe(false);
  });

  it('says which Debian packages to install when Jupyter is missing, and installs nothing', () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (m: string): void => {
      errors.push(m);
    };
    try {
      expect(
        main(['install', '--prefix', join(root, 'p'), '--python', join(root, 'no-python')], log),
      ).toBe(1);
    } finally {
      console.error = original;
    }
    expect(errors[0]).toContain(`losslab: Jupyter was not found for ${join(root, 'no-python')}`);
    expect(errors[0]).toContain(
      'sudo apt-get install python3-jupyter-server python3-jupyterlab-server python3-jupyter-client',
    );
    expect(existsSync(join(root, 'p'))).toBe(false);
  });

  it('prints usage for an unknown command and rejects unknown options', () => {
    expect(main(['frobnicate'], log)).toBe(2);
    expect(lines[0]).toMatch(/^usage: losslab <install\|uninstall\|status>/);
    const original = console.error;
    console.error = (): void => undefined;
    try {
      expect(main(['install', '--bogus'], log)).toBe(1);
    } finally {
      console.error = original;
    }
  });

  it('--link installs the plugin as a symlink that follows rebuilds, and swaps it for a copy', () => {
    expect(
      main(['install', '--prefix', join(root, 'p'), '--labextension', ext, '--link'], log),
    ).toBe(0);
    const target = join(share(), 'labextensions', '@losslab', 'jupyterlab');
    expect(lstatSync(target).isSymbolicLink()).toBe(true);
    expect(readlinkSync(target)).toBe(ext);
    expect(lines).toContain(`installed ${target} (link to ${ext})`);
    // A rebuild (new files in the build folder) is what Jupyter sees, without reinstalling.
    writeFileSync(join(ext, 'static', 'remoteEntry.js'), '// rebuilt');
    expect(readFileSync(join(target, 'static', 'remoteEntry.js'), 'utf8')).toBe('// rebuilt');
    expect(status({ location: prefix(), log })).toContain(
      `plugin @losslab/jupyterlab 9.9.9: ${target} -> ${ext}`,
    );

    // A dangling link (the build folder was cleaned) is reported, then replaced by a copy.
    const moved = `${ext}-moved`;
    renameSync(ext, moved);
    expect(status({ location: prefix(), log })).toContain(
      `plugin @losslab/jupyterlab: ${target} -> ${ext} (MISSING build)`,
    );
    install({ location: prefix(), labextension: moved, log });
    expect(lstatSync(target).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(target, 'static', 'remoteEntry.js'), 'utf8')).toBe('// rebuilt');

    // Linking over a copy, then uninstalling, removes the link and never the build it points to.
    install({ location: prefix(), labextension: moved, link: true, log });
    expect(readlinkSync(target)).toBe(moved);
    expect(uninstall({ location: prefix(), log })).toEqual([
      join(share(), 'kernels', 'tslab'),
      join(share(), 'kernels', 'deno'),
      target,
    ]);
    expect(readdirSync(join(share(), 'labextensions', '@losslab'))).toEqual([]);
    expect(readFileSync(join(moved, 'static', 'remoteEntry.js'), 'utf8')).toBe('// rebuilt');
  });

  it('runs as the npx binary', () => {
    const out = execFileSync(
      process.execPath,
      [join(__dirname, '..', 'bin', 'losslab.js'), 'status', '--prefix', join(root, 'p')],
      {
        encoding: 'utf8',
        env: { ...process.env, JUPYTER_PATH: '', JUPYTER_DATA_DIR: join(root, 'data') },
      },
    );
    expect(out).toMatch(/^python \/usr\/bin\/python3: /);
  });
});
