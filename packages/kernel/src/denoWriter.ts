import type { DisplayContent, DisplayWriter } from './display';

/** The part of Deno's kernel API (`Deno.jupyter`, Deno >= 1.37) the helper uses. */
interface DenoJupyter {
  broadcast(messageType: string, content: Record<string, unknown>): Promise<void>;
}

/** Where a failed send is reported: Deno's kernel forwards `console.error`, not `process.stderr`. */
type Report = (line: string) => void;

/**
 * The display channel of Deno's Jupyter kernel (`deno jupyter --kernel`), or null anywhere else
 * (plain Node, tslab, `deno run`).
 *
 * Each message goes out through `Deno.jupyter.broadcast('display_data' |
 * 'update_display_data', content)`: the whole bundle in one message, `transient.display_id` for
 * updates in place. Not `Deno.jupyter.display`, which awaits before it sends and so sends nothing
 * until a synchronous training loop ends; `broadcast` starts its send at the call, and the
 * message reaches the frontend while the loop runs.
 *
 * Deno's channel has no "busy" state: measured with Deno 2.9.6, 10,000 back-to-back sends in one
 * synchronous stretch (81 ms) were all delivered, in order, none dropped; a frontend that reads
 * slower than the kernel writes makes later sends wait inside the call instead (see the package
 * README). So the writer throws only for a message that can never be sent: one that JSON cannot
 * hold (a BigInt, a cycle), checked before sending since Deno would reject it only later, in a
 * promise. A send Deno rejects anyway (its message check, its socket) is reported once through
 * `report` (default `console.error`, which Deno's kernel shows in the cell; `process.stderr`
 * there goes to the kernel's terminal, not the notebook). Deno never retries a send.
 *
 * @example
 * const writer = denoWriter(); // null outside Deno's kernel
 * writer?.(
 *   { data: { 'text/plain': 'step 1' }, metadata: {}, transient: { display_id: 'losslab-1' } },
 *   false,
 * );
 */
export function denoWriter(
  jupyter: unknown = runningDenoJupyter(),
  report: Report = (line) => console.error(line),
): DisplayWriter | null {
  const broadcast = (jupyter as Partial<DenoJupyter> | undefined)?.broadcast;
  if (typeof broadcast !== 'function') {
    return null;
  }
  let reported = false;
  const onRejected = (error: unknown): void => {
    if (!reported) {
      reported = true;
      const reason = error instanceof Error ? error.message : String(error);
      report(`losslab: Deno's kernel refused a display, which was dropped: ${reason}`);
    }
  };
  return (content: DisplayContent, update: boolean): void => {
    // Throws a TypeError for what JSON cannot hold, as tslab's sender does.
    JSON.stringify(content);
    const sent = broadcast.call(
      jupyter,
      update ? 'update_display_data' : 'display_data',
      content as unknown as Record<string, unknown>,
    );
    // Never leave an unhandled rejection behind: Deno would report it in whatever cell runs then.
    Promise.resolve(sent).catch(onRejected);
  };
}

function runningDenoJupyter(): unknown {
  return (globalThis as { Deno?: { jupyter?: unknown } }).Deno?.jupyter;
}

let made: { jupyter: unknown; writer: DisplayWriter | null } | undefined;

/**
 * `denoWriter()` for the running Deno kernel, made once (display.ts asks at every send); null
 * outside Deno's kernel. Internal: display.ts finds the host with it.
 */
export function denoKernelWriter(): DisplayWriter | null {
  const jupyter = runningDenoJupyter();
  if (made === undefined || made.jupyter !== jupyter) {
    made = { jupyter, writer: denoWriter(jupyter) };
  }
  return made.writer;
}
