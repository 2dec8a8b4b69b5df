import type { Callback, History, StepInfo } from '@losslab/core';
import { LosslabError } from '@losslab/core';
import { inKernel, liveDisplayEnded, liveFrameAllowed, newDisplayId, sendBundle } from './display';
import type { MimeBundle } from './display';
import { Throttle } from './throttle';
import { watchInterrupt } from './watchInterrupt';

/** How a run shown live ended: by `fit` (its history says how), or by a kernel interrupt. */
export type LiveEnd = 'ended' | 'interrupted';

/** What one kind of live display draws; `liveCallback` decides when. */
export interface LiveView {
  /** A frame of the run so far (the run is still going). */
  frame(info: StepInfo): MimeBundle;
  /** The last frame: `history.stopReason`/`stopMessage` say how it ended, unless interrupted. */
  final(history: History, end: LiveEnd): MimeBundle;
  /** The same as one line of text, printed outside a notebook. */
  text(history: History, end: LiveEnd): string;
  /** A new run starts: forget the last one. */
  reset(): void;
}

/** Checks a `throttleMs` option: a non-negative number of milliseconds, default 250. */
export function checkThrottle(fn: string, throttleMs: unknown): number {
  const value = throttleMs ?? 250;
  if (typeof value !== 'number' || !(value >= 0)) {
    throw new LosslabError(
      fn,
      'throttleMs',
      `'throttleMs' must be a non-negative number, got ${String(value)}`,
    );
  }
  return value;
}

/**
 * The `fit` callback behind every live display (`liveLossCurve`, `progress`): one output per run,
 * redrawn in place every `throttleMs` within the kernel's send budget (`SEND_BUDGET`), and closed
 * by a final frame however the run ends: by its stop rule or an error (`onEnd`), or by a kernel
 * interrupt (see `watchInterrupt`). A run that never reached `onEnd` (interrupted where nothing
 * could be watched) is closed as interrupted when the same callback sees a new run. The only
 * per-step work is a countdown in a local (see `Throttle`).
 */
export function liveCallback(throttleMs: number, view: LiveView): Callback {
  const throttle = new Throttle(throttleMs);
  // One output per run: its id is known before its first frame (the send budget shares live
  // frames fairly between the displays asking), `shown` once that frame went out.
  let displayId = newDisplayId();
  let shown = false;
  let current: History | null = null;
  let countdown = 1;
  let unwatch: () => void = () => undefined;

  const send = (bundle: MimeBundle, live: boolean): void => {
    sendBundle(bundle, displayId, shown, live);
    shown = true;
  };
  const finish = (history: History, end: LiveEnd): void => {
    unwatch();
    liveDisplayEnded(displayId);
    if (inKernel()) {
      send(view.final(history, end), false);
    } else {
      process.stdout.write(`${view.text(history, end)}\n`);
    }
    // The next run using this callback starts a new output.
    displayId = newDisplayId();
    shown = false;
    current = null;
    countdown = 1;
    throttle.reset();
    view.reset();
  };

  return {
    onStep(info: StepInfo): void {
      if (--countdown > 0) {
        return;
      }
      if (info.history !== current) {
        if (current !== null && shown) {
          finish(current, 'interrupted');
        }
        const history = info.history;
        current = history;
        throttle.reset();
        view.reset();
        unwatch = watchInterrupt(() => finish(history, 'interrupted'));
      }
      const due = throttle.check();
      countdown = throttle.stride;
      if (due && inKernel() && liveFrameAllowed(displayId)) {
        watchInterrupt();
        send(view.frame(info), true);
      }
    },
    onEnd(history: History): void {
      finish(history, 'ended');
    },
  };
}
