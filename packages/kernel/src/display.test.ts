import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DisplayContent } from './display';
import { displayBundle, inKernel, newDisplayId, setDisplayWriter, updateDisplay } from './display';

type Sent = { content: DisplayContent; update: boolean };

afterEach(() => {
  setDisplayWriter(undefined);
  vi.restoreAllMocks();
});

describe('displayBundle and updateDisplay', () => {
  it('send whole bundles with one display id: display_data then update_display_data', () => {
    const sent: Sent[] = [];
    setDisplayWriter((content, update) => sent.push({ content, update }));
    expect(inKernel()).toBe(true);
    const id = newDisplayId();
    displayBundle({ data: { 'text/plain': 'a', 'text/html': '<b>a</b>' } }, { displayId: id });
    updateDisplay(id, { data: { 'text/plain': 'b' }, metadata: { isolated: true } });
    expect(sent).toEqual([
      {
        content: {
          data: { 'text/plain': 'a', 'text/html': '<b>a</b>' },
          metadata: {},
          transient: { display_id: id },
        },
        update: false,
      },
      {
        content: {
          data: { 'text/plain': 'b' },
          metadata: { isolated: true },
          transient: { display_id: id },
        },
        update: true,
      },
    ]);
  });

  it('gives every display its own id', () => {
    expect(newDisplayId()).not.toBe(newDisplayId());
    expect(newDisplayId()).toMatch(/^losslab-[0-9a-f-]{36}$/);
  });

  it('outside tslab prints text/plain for a new output and ignores updates, never throws', () => {
    setDisplayWriter(null);
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(inKernel()).toBe(false);
    displayBundle({ data: { 'text/plain': 'summary', 'text/html': '<svg/>' } });
    updateDisplay('nope', { data: { 'text/plain': 'later' } });
    expect(write.mock.calls.map((c) => c[0])).toEqual(['summary\n']);
  });

  it('finds no kernel in plain Node (no tslab module loaded)', () => {
    setDisplayWriter(undefined);
    expect(inKernel()).toBe(false);
  });

  it('keeps the newest message when the kernel socket is busy and delivers it once the loop yields', async () => {
    const sent: Sent[] = [];
    let busy = false;
    setDisplayWriter((content, update) => {
      if (busy) {
        throw new Error(
          'Socket is busy writing; only one send operation may be in progress at any time',
        );
      }
      sent.push({ content, update });
    });
    const id = newDisplayId();
    busy = true;
    displayBundle({ data: { 'text/plain': '1' } }, { displayId: id });
    updateDisplay(id, { data: { 'text/plain': '2' } });
    updateDisplay(id, { data: { 'text/plain': '3' } });
    expect(sent).toHaveLength(0);
    busy = false;
    await new Promise((resolve) => setImmediate(resolve));
    // One message: the newest data, still a creation since the first never got out.
    expect(sent).toEqual([
      {
        content: { data: { 'text/plain': '3' }, metadata: {}, transient: { display_id: id } },
        update: false,
      },
    ]);
  });
});
