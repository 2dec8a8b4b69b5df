import { lossSurfacePayload, lossSurfaceSvg } from '@losslab/kernel';
import { describe, expect, it } from 'vitest';

import { buildSurfaceFigure } from './buildSurfaceFigure';
import { parseSurfacePayload } from './parseSurfacePayload';

const colors = { light: true, background: '#fff', text: '#000', grid: '#ddd', font: 'sans-serif' };
const f = (w: number, b: number): number => (w - 2) ** 2 + 0.5 * (b - 3) ** 2 + 0.1;
const options = {
  xRange: [0, 4] as [number, number],
  yRange: [1, 5] as [number, number],
  resolution: 12,
  levels: 6,
  path: [
    [0.5, 1.5],
    [1.5, 2.5],
    [2, 3],
  ] as [number, number][],
  pathName: 'gd <b>',
};

describe('buildSurfaceFigure', () => {
  it('draws the contours of the SVG, level by level in the same colours, with a labelled colour bar', () => {
    const payload = parseSurfacePayload(JSON.stringify(lossSurfacePayload(f, options)));
    const { data, layout } = buildSurfaceFigure(payload, colors);
    const doc = new DOMParser().parseFromString(lossSurfaceSvg(f, options), 'image/svg+xml');
    const svgLevels = Array.from(doc.querySelectorAll('path[stroke^="rgb"]'));
    const levels = data.filter((t) => String(t.uid).startsWith('level-'));
    expect(levels.map((t) => (t.line as { color: string }).color)).toEqual(
      svgLevels.map((p) => p.getAttribute('stroke')),
    );
    // Segment for segment: the SVG's 'M…L…' pairs and plotly's null-separated pairs.
    expect(levels.map((t) => (t.x as unknown[]).filter((v) => v === null).length)).toEqual(
      svgLevels.map((p) => (p.getAttribute('d')!.match(/M/g) ?? []).length),
    );
    expect(levels.map((t) => t.name)).toEqual(
      svgLevels.map((p) => p.querySelector('title')!.textContent),
    );
    const grid = data.find((t) => t.uid === 'grid')!;
    const marker = grid.marker as { colorbar: { ticktext: string[] }; showscale: boolean };
    expect(marker.showscale).toBe(true);
    expect(marker.colorbar.ticktext).toEqual(
      Array.from(doc.querySelectorAll('g[data-colorbar] text'))
        .map((t) => t.textContent)
        .slice(0, -1),
    );
    // Values on hover: the loss at every grid point.
    expect((grid.x as number[]).length).toBe(13 * 13);
    expect((grid.text as string[])[0]).toBe(String(Number(f(0, 1).toPrecision(4))));
    const path = data.find((t) => String(t.uid).startsWith('path-'))!;
    expect(path).toMatchObject({ x: [0.5, 1.5, 2], y: [1.5, 2.5, 3], name: 'gd &lt;b&gt;' });
    expect(layout.xaxis).toMatchObject({ range: [0, 4] });
  });

  it('refuses a malformed surface by naming the field', () => {
    expect(() => parseSurfacePayload({ version: 1, x: [0, 1], y: [0, 1], z: [[0, 1]] })).toThrow(
      "parsePayload: 'z' must hold one row per entry of 'y'",
    );
  });
});
