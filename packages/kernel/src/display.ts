import { checkOptions } from '@losslab/core';
import Module from 'node:module';
import { randomUUID } from 'node:crypto';
import { denoKernelWriter } from './denoWriter';

/** One output's representations: MIME type to data (a string, or a JSON value for `+json` types). */
export interface MimeBundle {
  data: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

/** What the kernel's display channel takes: a whole `display_data` / `update_display_data` content. */
export interface DisplayContent {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  transient: { display_id: string };
}

/**
 * Sends one display message; `update` selects `update_display_data` over `display_data`. It
 * throws when the channel cannot take the message: an error whose `code` is `'EBUSY'` (or whose
 * message says "busy") means "not now, later", anything else "never" (see `sendBundle`).
 */
export type DisplayWriter = (content: DisplayContent, update: boolean) => void;

// tslab keeps the running execution's sender in `dist/jupyter.js` as `lastWriteDisplayData`.
// A package cannot `require('tslab')`: outside cell code that loads a second, idle copy (its
// display throws "Not ready"). The copy the kernel runs is already in the process's module cache,
// so look it up there; any tslab install path matches.
const TSLAB_JUPYTER = /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/;

let override: DisplayWriter | null | undefined;
let kernelModule: { lastWriteDisplayData?: unknown } | undefined;

function kernelWriter(): DisplayWriter | null {
  if (override !== undefined) {
    return override;
  }
  // Deno's kernel (Deno.jupyter) first: a cheap global check, and Deno has no tslab module.
  const deno = denoKernelWriter();
  if (deno !== null) {
    return deno;
  }
  if (kernelModule === undefined) {
    const cache = (Module as unknown as { _cache: Record<string, NodeModule | undefined> })._cache;
    for (const key of Object.keys(cache)) {
      const exports = cache[key]?.exports as { lastWriteDisplayData?: unknown } | undefined;
      if (TSLAB_JUPYTER.test(key) && exports && 'lastWriteDisplayData' in exports) {
        kernelModule = exports;
        break;
      }
    }
  }
  const writer = kernelModule?.lastWriteDisplayData;
  return typeof writer === 'function' ? (writer as DisplayWriter) : null;
}

/**
 * Replaces the display channel: a function receiving every message (for tests, or another host),
 * `null` for none (plain-Node behaviour), `undefined` to find the running kernel again (tslab's
 * or Deno's, see `denoWriter`).
 * Starts a new send budget (see `SEND_BUDGET`).
 */
export function setDisplayWriter(writer: DisplayWriter | null | undefined): void {
  override = writer;
  kernelModule = undefined;
  pending.clear();
  failed.clear();
  endStretch();
}

/** True when displays reach a notebook (running inside the tslab kernel, or a writer was set). */
export function inKernel(): boolean {
  return kernelWriter() !== null;
}

/** A fresh display id, for `displayBundle(bundle, { displayId })` and later `updateDisplay`. */
export function newDisplayId(): string {
  return `losslab-${randomUUID()}`;
}

/**
 * How many messages the helper sends between two turns of the event loop, for all its displays
 * together. tslab's output socket (zeromq.js) sends at most 512 messages synchronously; the next
 * one waits for the event loop, and every send until then fails, the kernel's own included (its
 * stream output and its 'idle' status: the cell then hangs). A synchronous training loop never
 * lets the event loop run, so the helper stays well inside that limit by itself:
 *
 * - `perStretch`: at most this many sends of ours between two event-loop turns, leaving the rest
 *   (more than two thirds) to the kernel's messages;
 * - `endReserve` of them are kept for final frames (a run's last chart and progress line), so
 *   live frames get `perStretch - endReserve`, spread over time: after `t` ms of one synchronous
 *   stretch, `liveAllowance(t)` live sends may have been made. The allowance grows with the
 *   logarithm of the time (about 8 sends a second at first, one every ~20 s after 10 minutes,
 *   the last one after about half an hour), so a short run draws at its throttle and a long one
 *   ever more sparsely rather than going silent;
 * - a frame that does not fit is not queued: the display skips it and draws its newest state at
 *   its next turn (newest frame per display wins). Final frames that do not fit wait, one per
 *   display, for the event loop.
 *
 * zeromq.js counts its 512 over the kernel's life, not per cell (the count restarts only when a
 * send has to wait), so a stretch can meet the limit early whatever any library does; the budget
 * keeps the helper's share of every stretch small. A loop that yields (`await`) starts a new
 * stretch each time it does.
 */
export const SEND_BUDGET = { perStretch: 160, endReserve: 32 } as const;

/**
 * Live sends allowed after `elapsedMs` of one synchronous stretch: `8 + 12 log2(1 + t / 2 s)`,
 * capped at `perStretch - endReserve` (128, reached after about 34 minutes).
 *
 * @example
 * [liveAllowance(0), liveAllowance(10_000), liveAllowance(600_000)].map(Math.floor);
 * // [8, 39, 106]
 */
export function liveAllowance(elapsedMs: number): number {
  const cap = SEND_BUDGET.perStretch - SEND_BUDGET.endReserve;
  return Math.min(cap, 8 + 12 * Math.log2(1 + Math.max(0, elapsedMs) / 2000));
}

// The current synchronous stretch: sends since the event loop last ran, and when it began.
let stretchSends = 0;
let stretchLive = 0;
let stretchStart = 0;
let stretchArmed = false;
/** Sends made in all, and messages the channel refused for good (for tests and the soak script). */
let totalSends = 0;
let refused = 0;

// Live frames per display in this stretch, for every display that asked: a fair share, so a
// cheap progress line asking at the same pace cannot take a chart's frames.
const liveShare = new Map<string, number>();

function noteSend(live: boolean, displayId: string): void {
  if (!stretchArmed) {
    stretchArmed = true;
    stretchStart = performance.now();
    // Runs only once the event loop turns again: the synchronous stretch is over.
    setImmediate(onLoopTurn);
  }
  stretchSends++;
  totalSends++;
  if (live) {
    stretchLive++;
    liveShare.set(displayId, (liveShare.get(displayId) ?? 0) + 1);
  }
}

function endStretch(): void {
  stretchArmed = false;
  stretchSends = 0;
  stretchLive = 0;
  liveShare.clear();
}

function onLoopTurn(): void {
  endStretch();
  flush();
}

/**
 * True when display `displayId` may send a live frame now (see `SEND_BUDGET`). A display asks
 * before it builds a frame, so a skipped frame costs nothing. Displays asking in the same stretch
 * share the live frames fairly: one that has sent more than another waits for it.
 */
export function liveFrameAllowed(displayId?: string): boolean {
  if (displayId !== undefined && !liveShare.has(displayId)) {
    liveShare.set(displayId, 0);
  }
  if (!stretchArmed) {
    return true;
  }
  const live = SEND_BUDGET.perStretch - SEND_BUDGET.endReserve;
  if (!(
    stretchLive < live &&
    stretchSends < live &&
    stretchLive < liveAllowance(performance.now() - stretchStart)
  )) {
    return false;
  }
  if (displayId !== undefined && liveShare.size > 1) {
    const mine = liveShare.get(displayId) as number;
    for (const sent of liveShare.values()) {
      if (sent < mine) {
        return false;
      }
    }
  }
  return true;
}

/** A display that ended no longer takes part in the fair share of live frames. */
export function liveDisplayEnded(displayId: string): void {
  liveShare.delete(displayId);
}

/**
 * The helper's send counters: all sends so far, those of the current synchronous stretch, and
 * the messages the channel refused for good (each reported once on stderr).
 */
export function sendStats(): {
  total: number;
  stretch: number;
  stretchLive: number;
  refused: number;
} {
  return { total: totalSends, stretch: stretchSends, stretchLive, refused };
}

interface Pending {
  writer: DisplayWriter;
  content: DisplayContent;
  update: boolean;
}
// Messages waiting for the event loop, newest per display id (Map keeps first-insertion order, so
// a display is still created before it is updated).
const pending = new Map<string, Pending>();
// Display ids whose message the channel refused for good: reported once, never retried.
const failed = new Set<string>();
let flushScheduled = false;

function flush(): void {
  flushScheduled = false;
  for (const [id, p] of [...pending]) {
    pending.delete(id);
    if (!deliver(p.writer, p.content, p.update, false)) {
      break; // busy again: the rest waits for the next turn, in order
    }
  }
}

function schedule(): void {
  if (!flushScheduled) {
    flushScheduled = true;
    setImmediate(flush);
  }
}

function isBusy(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return (
    e !== null &&
    typeof e === 'object' &&
    (e.code === 'EBUSY' || (typeof e.message === 'string' && /\bbusy\b/i.test(e.message)))
  );
}

function wait(id: string, writer: DisplayWriter, content: DisplayContent, update: boolean): void {
  const queued = pending.get(id);
  // A creation not yet delivered must stay a creation.
  pending.set(id, { writer, content, update: (queued?.update ?? true) && update });
  schedule();
}

// Returns true when the channel took the message now.
function deliver(
  writer: DisplayWriter,
  content: DisplayContent,
  update: boolean,
  live: boolean,
): boolean {
  const id = content.transient.display_id;
  if (failed.has(id)) {
    return false;
  }
  if (pending.has(id) || (stretchArmed && stretchSends >= SEND_BUDGET.perStretch)) {
    wait(id, writer, content, update);
    return false;
  }
  try {
    writer(content, update);
    noteSend(live, id);
    return true;
  } catch (error) {
    if (isBusy(error)) {
      wait(id, writer, content, update);
    } else {
      // Not a busy socket: the message itself is refused (say it holds a BigInt). Retrying it
      // would spin forever; say so once, drop it, and drop the display's later frames.
      failed.add(id);
      pending.delete(id);
      refused++;
      const message = (error as { message?: unknown } | null)?.message;
      const reason = typeof message === 'string' ? message : String(error);
      // console.error reaches the notebook in both kernels (Deno's process.stderr does not).
      console.error(`losslab: a display could not be sent and was dropped: ${reason}`);
    }
    return false;
  }
}

/**
 * Sends a whole MIME bundle as one output (`display_data`) through the running tslab kernel's
 * own display channel, with `transient.display_id` so it can be updated in place later. Outside
 * tslab (plain Node, tests) it prints the bundle's `text/plain` instead, and never throws for
 * want of a kernel.
 *
 * @example
 * const id = newDisplayId();
 * displayBundle({ data: { 'text/plain': 'hello', 'text/html': '<b>hello</b>' } }, { displayId: id });
 * updateDisplay(id, { data: { 'text/plain': 'hello again' } });
 */
export function displayBundle(bundle: MimeBundle, options?: { displayId?: string }): void {
  checkOptions('displayBundle', options, ['displayId']);
  sendBundle(bundle, options?.displayId ?? newDisplayId(), false);
}

/**
 * Replaces the output created by `displayBundle(…, { displayId })` (`update_display_data`).
 * Outside tslab it does nothing: a terminal has no output to replace.
 */
export function updateDisplay(displayId: string, bundle: MimeBundle): void {
  sendBundle(bundle, displayId, true);
}

/**
 * The shared sender, within `SEND_BUDGET`: returns true when the kernel took the message now;
 * false when it waits for the event loop (budget spent or socket busy: only the newest message
 * per display waits), when the channel refused it for good (reported once on stderr, never
 * retried), or when there is no kernel (then a creation prints its text/plain). `live` marks a
 * live frame, which counts against the live part of the budget (callers ask
 * `liveFrameAllowed()` first).
 */
export function sendBundle(
  bundle: MimeBundle,
  displayId: string,
  update: boolean,
  live = false,
): boolean {
  const writer = kernelWriter();
  if (writer === null) {
    const text = bundle.data['text/plain'];
    if (!update && typeof text === 'string') {
      process.stdout.write(`${text}\n`);
    }
    return false;
  }
  return deliver(
    writer,
    { data: bundle.data, metadata: bundle.metadata ?? {}, transient: { display_id: displayId } },
    update,
    live,
  );
}
