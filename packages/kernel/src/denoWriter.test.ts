import { afterEach, describe, expect, it } from 'vitest';
import { denoKernelWriter, denoWriter } from './denoWriter';
import type { DisplayContent } from './display';

const content = (text: string): DisplayContent => ({
  data: { 'text/plain': text, 'text/html': `<b>${text}</b>` },
  metadata: {},
  transient: { display_id: 'losslab-test' },
});

/** A stand-in for `Deno.jupyter`: records each broadcast; `reject` makes Deno refuse them. */
function fakeJupyter(reject?: Error): {
  sent: [string, Record<string, unknown>][];
  broadcast(type: string, c: Record<string, unknown>): Promise<void>;
} {
  const sent: [string, Record<string, unknown>][] = [];
  return {
    sent,
    broadcast(type, c) {
      sent.push([type, c]);
      return reject === undefined ? Promise.resolve() : Promise.reject(reject);
    },
  };
}

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  delete (globalThis as { Deno?: unknown }).Deno;
});

describe('denoWriter', () => {
  it('is null outside Deno, and in a Deno without its Jupyter kernel', () => {
    expect(denoWriter(undefined)).toBeNull();
    expect(denoWriter({})).toBeNull();
    expect(denoWriter()).toBeNull();
    expect(denoKernelWriter()).toBeNull();
  });

  it('sends the whole content as display_data, then update_display_data, in call order', () => {
    const jupyter = fakeJupyter();
    const write = denoWriter(jupyter);
    write?.(content('step 1'), false);
    write?.(content('step 2'), true);
    expect(jupyter.sent).toEqual([
      ['display_data', content('step 1')],
      ['update_display_data', content('step 2')],
    ]);
  });

  it('throws at once for content JSON cannot hold, and sends nothing', () => {
    const jupyter = fakeJupyter();
    const write = denoWriter(jupyter);
    const bad = { ...content('x'), data: { 'application/json': { n: 1n } } };
    expect(() => write?.(bad, false)).toThrow(TypeError);
    expect(jupyter.sent).toEqual([]);
  });

  it('reports a send Deno rejects once, through console.error by default, and never throws for it', async () => {
    const lines: string[] = [];
    const write = denoWriter(fakeJupyter(new Error('Invalid message')), (l) => lines.push(l));
    write?.(content('a'), false);
    write?.(content('b'), true);
    await settle();
    write?.(content('c'), true);
    await settle();
    expect(lines).toEqual([
      "losslab: Deno's kernel refused a display, which was dropped: Invalid message",
    ]);
  });

  it('denoKernelWriter finds the running kernel on globalThis.Deno.jupyter, made once', () => {
    const jupyter = fakeJupyter();
    (globalThis as { Deno?: unknown }).Deno = { jupyter };
    const write = denoKernelWriter();
    expect(write).not.toBeNull();
    expect(denoKernelWriter()).toBe(write);
    write?.(content('live'), false);
    expect(jupyter.sent).toHaveLength(1);
  });
});
