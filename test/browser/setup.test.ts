// The warm path of `npm start`: the plugin's bundle step skips when its inputs are older than its
// last build, and rebuilds when one is newer.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

const REPO = resolve(__dirname, '..', '..');
const PLUGIN = join(REPO, 'packages', 'jupyterlab');
const STAMP = join(PLUGIN, 'node_modules', '.cache', 'labextension.stamp');

function buildPlugin(): string {
  return execFileSync(process.execPath, [join(PLUGIN, 'scripts', 'buildLabextension.mjs')], {
    cwd: PLUGIN,
    encoding: 'utf8',
  });
}

describe('the warm build of npm start', () => {
  it('skips the plugin bundle when nothing changed, rebuilds when an input is newer', () => {
    buildPlugin();
    expect(buildPlugin()).toContain('labextension up to date');
    // The last build older than lib/ (what tsc wrote): the bundle must be made again.
    const old = new Date(statSync(join(PLUGIN, 'lib', 'index.js')).mtimeMs - 60_000);
    utimesSync(STAMP, old, old);
    const rebuilt = buildPlugin();
    expect(rebuilt).toContain('labextension built:');
    expect(statSync(STAMP).mtimeMs).toBeGreaterThan(old.getTime());
    const pkg = JSON.parse(readFileSync(join(PLUGIN, 'labextension', 'package.json'), 'utf8')) as {
      jupyterlab: { _build: { load: string } };
    };
    expect(existsSync(join(PLUGIN, 'labextension', pkg.jupyterlab._build.load))).toBe(true);
    expect(buildPlugin()).toContain('labextension up to date');
  });
});
