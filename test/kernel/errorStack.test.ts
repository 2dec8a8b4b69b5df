// A learner's error in a real tslab kernel: the stack printed under the cell starts in the cell,
// not inside losslab (LosslabError leaves out the library's own frames).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJupyterEnv } from '../support/jupyterEnv';
import type { JupyterEnv } from '../support/jupyterEnv';
import { KernelSession } from '../support/KernelSession';

let jupyter: JupyterEnv;
let kernel: KernelSession;

beforeAll(async () => {
  jupyter = createJupyterEnv();
  kernel = await KernelSession.start({ env: jupyter.env, cwd: __dirname });
}, 120_000);

afterAll(async () => {
  await kernel?.shutdown();
  jupyter?.dispose();
});

describe('a LosslabError in tslab', () => {
  it("prints a stack that starts at the learner's own line", async () => {
    // Options from JSON: past the type checker, as a learner's data would be.
    const ex = await kernel.execute(`
      import { fit, linearRegression, makeArticleData, sgd } from '@losslab/core';
      const options = { optimizer: sgd(0.1), ...JSON.parse('{ "maxStep": 3 }') };
      fit(linearRegression({ features: 1 }), makeArticleData(), options);
    `);
    expect(ex.reply.status).toBe('error');
    const text = KernelSession.streamText(ex, 'stderr');
    const lines = text.split('\n');
    const head = lines.findIndex((l) => l.includes("fit: unknown option 'maxStep'"));
    expect(head).toBeGreaterThanOrEqual(0);
    const frames = lines.slice(head + 1).filter((l) => /^\s*at /.test(l));
    expect(frames.length).toBeGreaterThan(0);
    // The first frame is the cell (tslab runs it in node:vm as evalmachine), and none is losslab's;
    // nothing before the message names a losslab file either (Node's vm "arrow" line).
    expect(frames[0]).toMatch(/evalmachine/);
    expect(frames.filter((l) => /packages[\\/]core|@losslab/.test(l))).toEqual([]);
    expect(lines.slice(0, head).join('\n')).not.toMatch(/packages[\\/]core|@losslab/);
  }, 120_000);
});
