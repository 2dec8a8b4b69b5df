#!/usr/bin/env node
// `npm run soak`: a long live training in a real tslab kernel, at the default settings
// (liveLossCurve() and progress(), a console.log every 30 s), one synchronous cell of
// `--minutes` (default 10). It reports what a user would notice and what the send budget
// promises: every printed line delivered in order, the final frames equal to the finished
// history, the kernel idle soon after the cell's end, how many display messages were sent and how
// big they were. Exits non-zero when a promise is broken. Needs the build (`npm run build`).
//
//   npm run soak                     10 minutes
//   npm run soak -- --minutes 1      a shorter run
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PYTHON = '/usr/bin/python3';
const CURVE_MIME = 'application/vnd.losslab.curve.v1+json';

const { values } = parseArgs({ options: { minutes: { type: 'string', default: '10' } } });
const minutes = Number(values.minutes);
if (!(minutes > 0)) {
  console.error(`soak: --minutes must be a positive number, got ${values.minutes}`);
  process.exit(2);
}

// A throw-away Jupyter state with this repo's tslab kernelspec, installed by the built CLI.
const state = mkdtempSync(join(tmpdir(), 'losslab-soak-'));
const dirs = {
  JUPYTER_CONFIG_DIR: join(state, 'config'),
  JUPYTER_DATA_DIR: join(state, 'data'),
  JUPYTER_RUNTIME_DIR: join(state, 'runtime'),
};
Object.values(dirs).forEach((d) => mkdirSync(d, { recursive: true }));
const { install } = createRequire(import.meta.url)(
  join(root, 'packages', 'kernel', 'lib', 'cli.js'),
);
install({
  location: { kind: 'prefix', prefix: join(state, 'prefix') },
  python: PYTHON,
  tslab: join(root, 'node_modules', 'tslab', 'bin', 'tslab'),
  kernel: 'tslab',
  log: () => undefined,
});
const env = { ...process.env, ...dirs, JUPYTER_PATH: join(state, 'prefix', 'share', 'jupyter') };

const code = `
import { fit, linearRegression, makeArticleData, sgd } from '@losslab/core';
import { liveLossCurve, progress, sendStats } from '@losslab/kernel';
const t0 = Date.now();
let last = t0;
let lines = 0;
const r = fit(linearRegression({ features: 1 }), makeArticleData(), {
  optimizer: sgd(0.001), maxSteps: 1e15, name: 'soak',
  callbacks: [liveLossCurve(), progress(), { onStep: () => {
    const now = Date.now();
    if (now - last >= 30_000) { last = now; console.log('soak line ' + lines++); }
    return now - t0 < ${minutes * 60_000} ? undefined : 'stop';
  } }],
});
const h = r.history;
console.log('soak history ' + JSON.stringify({ steps: h.steps, final: h.lastLoss, minLoss: h.minLoss,
  minStep: h.minStep, stride: h.stride, entries: h.loss.length, lines, sends: sendStats().total,
  heapMB: Math.round(process.memoryUsage().heapUsed / 1e6) }));
console.log('soak end');
`;

const driver = spawn(
  PYTHON,
  [join(root, 'test', 'support', 'kernel_driver.py'), '--kernel', 'tslab', '--cwd', root],
  { env, stdio: ['pipe', 'pipe', 'inherit'] },
);
const messages = [];
let reply = null;
const finished = new Promise((resolve) => {
  createInterface({ input: driver.stdout }).on('line', (line) => {
    const e = JSON.parse(line);
    if (e.event === 'ready') {
      console.log(`soak: kernel ready; training for ${minutes} min in one synchronous cell`);
      driver.stdin.write(
        `${JSON.stringify({ op: 'execute', id: 'soak', code, timeout: minutes * 60 + 300 })}\n`,
      );
    } else if (e.event === 'iopub') {
      messages.push({ type: e.msg_type, content: e.content, t: e.t * 1000 });
    } else if (e.event === 'done' || e.event === 'timeout') {
      reply = e.reply ?? { status: e.event };
      resolve();
    }
  });
});
await finished;
driver.stdin.write(`${JSON.stringify({ op: 'shutdown' })}\n`);
driver.stdin.end();
rmSync(state, { recursive: true, force: true });

// What the client saw.
const stdout = messages
  .filter((m) => m.type === 'stream' && m.content.name === 'stdout')
  .map((m) => m.content.text)
  .join('');
const historyLine = /soak history (.*)/.exec(stdout)?.[1];
const problems = [];
if (reply?.status !== 'ok') {
  problems.push(`the cell ended with status ${reply?.status}`);
}
if (historyLine === undefined) {
  problems.push("the cell's summary line never arrived");
}
const h = historyLine === undefined ? {} : JSON.parse(historyLine);
const numbered = stdout.split('\n').filter((l) => l.startsWith('soak line '));
const inOrder = numbered.every((l, i) => l === `soak line ${i}`);
if (!inOrder || numbered.length !== h.lines) {
  problems.push(
    `printed lines: ${numbered.length} of ${h.lines} arrived${inOrder ? '' : ', out of order'}`,
  );
}
const displays = messages.filter(
  (m) => m.type === 'display_data' || m.type === 'update_display_data',
);
const curve = displays.filter((m) => CURVE_MIME in (m.content.data ?? {}));
const bar = displays.filter((m) => !(CURVE_MIME in (m.content.data ?? {})));
const run = curve.at(-1)?.content.data[CURVE_MIME].runs[0];
if (
  run === undefined ||
  run.steps !== h.steps ||
  run.final !== h.final ||
  run.min?.loss !== h.minLoss ||
  run.stopReason !== 'callback'
) {
  problems.push(
    `the last chart frame ${JSON.stringify(run && { ...run, points: undefined })} is not the history`,
  );
}
const lastBar = String(bar.at(-1)?.content.data['text/plain'] ?? '');
if (!lastBar.includes(`step ${h.steps}/`) || !lastBar.includes('done in')) {
  problems.push(`the last progress line is '${lastBar}'`);
}
const endAt = messages.find((m) => m.type === 'stream' && m.content.text.includes('soak end'))?.t;
const idleAt = messages.find((m) => m.type === 'status' && m.content.execution_state === 'idle')?.t;
const idleDelay = endAt !== undefined && idleAt !== undefined ? idleAt - endAt : NaN;
if (!(idleDelay < 1000)) {
  problems.push(`idle ${idleDelay} ms after the cell's last output`);
}
const sizes = curve.map((m) => Buffer.byteLength(JSON.stringify(m.content)));
const times = curve.map((m) => m.t);
const gaps = times.slice(1).map((t, i) => t - times[i]);
console.log(
  JSON.stringify(
    {
      minutes,
      steps: h.steps,
      historyEntries: h.entries,
      historyStride: h.stride,
      kernelHeapMB: h.heapMB,
      sends: { helperCounted: h.sends, chartMessages: curve.length, progressMessages: bar.length },
      chartMessageBytes: { max: Math.max(...sizes), last: sizes.at(-1) },
      secondsBetweenChartFrames: {
        first: gaps.slice(0, 3).map((g) => +(g / 1000).toFixed(2)),
        last: gaps.slice(-3).map((g) => +(g / 1000).toFixed(1)),
      },
      printedLines: `${numbered.length}/${h.lines}`,
      idleDelayMs: Math.round(idleDelay),
    },
    null,
    2,
  ),
);
if (problems.length > 0) {
  console.error(`soak: FAILED\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('soak: passed');
