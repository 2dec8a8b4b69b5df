// The plugin's wheel (hatchling from Debian, no PyPI) installs the prebuilt extension where
// JupyterLab looks for it: share/jupyter/labextensions/@losslab/jupyterlab.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

const PLUGIN = resolve(__dirname, '..', '..', 'packages', 'jupyterlab');
const out = mkdtempSync(join(tmpdir(), 'losslab-wheel-'));

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the losslab_jupyterlab wheel', () => {
  it('carries the built labextension and install.json under share/jupyter/labextensions', () => {
    execFileSync(
      '/usr/bin/python3',
      ['-m', 'build', '--no-isolation', '--skip-dependency-check', '--wheel', '--outdir', out, '.'],
      { cwd: PLUGIN, stdio: 'pipe' },
    );
    const wheels = readdirSync(out).filter((f) => f.endsWith('.whl'));
    expect(wheels).toEqual(['losslab_jupyterlab-0.1.0-py3-none-any.whl']);
    const names = execFileSync('/usr/bin/python3', [
      '-c',
      'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))',
      join(out, wheels[0]!),
    ])
      .toString()
      .trim()
      .split('\n');
    const dest =
      'losslab_jupyterlab-0.1.0.data/data/share/jupyter/labextensions/@losslab/jupyterlab/';
    const built = readdirSync(join(PLUGIN, 'labextension', 'static')).map(
      (f) => `${dest}static/${f}`,
    );
    expect(names).toEqual(
      expect.arrayContaining([...built, `${dest}package.json`, `${dest}install.json`]),
    );
    const pkg = JSON.parse(readFileSync(join(PLUGIN, 'labextension', 'package.json'), 'utf8'));
    expect(names).toContain(`${dest}${pkg.jupyterlab._build.load}`);
    expect(names).toContain('losslab_jupyterlab/__init__.py');
  });
});
