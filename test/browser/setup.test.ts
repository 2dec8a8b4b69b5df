// The warm path of `npm start`: scripts/setup.mjs runs the workspaces' build scripts itself (no
// lerna or npm start-up), so its order must be lerna's; and the plugin's bundle step skips when
// its inputs are older than its last build, and rebuilds when one is newer.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

// @ts-expect-error -- plain ES module without types, the script `npm start` runs
import { buildSteps } from '../../scripts/setup.mjs';

const REPO = resolve(__dirname, '..', '..');
const PLUGIN = join(REPO, 'packages', 'jupyterlab');
const STAMP = join(PLUGIN, 'node_modules', '.cache', 'labextension.stamp');

interface Step {
  name: string;
  dir: string;
  script: string;
}

function buildPlugin(): string {
  return execFileSync(process.execPath, [join(PLUGIN, 'scripts', 'buildLabextension.mjs')], {
    cwd: PLUGIN,
    encoding: 'utf8',
  });
}

describe('the warm build of npm start', () => {
  it("runs every workspace's build script, in lerna's topological order", () => {
    const lerna = JSON.parse(
      execFileSync(
        process.execPath,
        [join(REPO, 'node_modules', '.bin', 'lerna'), 'ls', '--all', '--toposort', '--json'],
        { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
      ),
    ) as { name: string; location: string }[];
    const withBuild = lerna.filter(
      (p) =>
        (
          JSON.parse(readFileSync(join(p.location, 'package.json'), 'utf8')) as {
            scripts?: { build?: string };
          }
        ).scripts?.build !== undefined,
    );
    const steps = buildSteps() as Step[];
    expect(steps.map((s) => [s.name, s.dir])).toEqual(withBuild.map((p) => [p.name, p.location]));
    const plugin = steps.find((s) => s.name === '@losslab/jupyterlab');
    expect(plugin?.script).toBe('tsc -b && node scripts/buildLabextension.mjs');
  });

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
