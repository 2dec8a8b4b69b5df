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

/** Sends one display message; `update` selects `update_display_data` over `display_data`. */
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
 */
export function setDisplayWriter(writer: DisplayWriter | null | undefined): void {
  override = writer;
  kernelModule = undefined;
}

/** True when displays reach a notebook (running inside the tslab kernel, or a writer was set). */
export function inKernel(): boolean {
  return kernelWriter() !== null;
}

/** A fresh display id, for `displayBundle(bundle, { displayId })` and later `updateDisplay`. */
export function newDisplayId(): string {
  return `losslab-${randomUUID()}`;
}

interface Pending {
  writer: DisplayWriter;
  content: DisplayContent;
  update: boolean;
}
const pending = new Map<string, Pending>();
let flushScheduled = false;

function flush(): void {
  flushScheduled = false;
  for (const [id, p] of [...pending]) {
    pending.delete(id);
    deliver(p.writer, p.content, p.update);
  }
}

// zeromq.js lets only one send be "in progress": after 512 synchronous sends it defers one to the
// event loop, and every send until then throws EBUSY. A training loop never yields, so keep the
// newest message per display id and deliver it as soon as the loop lets the event loop run.
function deliver(writer: DisplayWriter, content: DisplayContent, update: boolean): boolean {
  const id = content.transient.display_id;
  const queued = pending.get(id);
  if (queued !== undefined) {
    // A creation not yet delivered must stay a creation.
    pending.set(id, { writer, content, update: queued.update && update });
    return false;
  }
  try {
    writer(content, update);
    return true;
  } catch {
    pending.set(id, { writer, content, update });
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flush);
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
 * The shared sender: returns true when the kernel took the message now, false when it was queued
 * (socket busy) or there is no kernel (then a creation prints its text/plain).
 */
export function sendBundle(bundle: MimeBundle, displayId: string, update: boolean): boolean {
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
  );
}
