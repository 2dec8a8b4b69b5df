import Ajv from 'ajv';
import { JSDOM } from 'jsdom';
import surfaceSchema from '../schema/surface.v1.schema.json';
import { describe, expect, it } from 'vitest';
import { formatNumber } from './formatNumber';
import { lossSurfaceBundle, lossSurfacePayload, lossSurfaceSvg } from './lossSurface';
import { LOSS_SURFACE_MIME } from './surfacePayload';
import { svgFromImages } from './svgImage';

const parse = (svg: string): Document =>
  new new JSDOM('').window.DOMParser().parseFromString(svg, 'image/svg+xml');

/** The numbers of a path's d attribute, as [x, y] pairs. */
function points(d: string): [number, number][] {
  const n = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < n.length; i += 2) {
    out.push([n[i] as number, n[i + 1] as number]);
  }
  return out;
}

describe('lossSurfaceSvg', () => {
  it('draws the contour of a bowl as the circle the formula says', () => {
    // (w-2)^2 + (b-3)^2 on [0,4] x [1,5]: grid min 0 at the centre, max 8 at the corners, so the
    // single linear level is 4, the circle of radius 2 around (2, 3).
    const svg = lossSurfaceSvg((w, b) => (w - 2) ** 2 + (b - 3) ** 2, {
      xRange: [0, 4],
      yRange: [1, 5],
      resolution: 40,
      levels: 1,
    });
    const doc = parse(svg);
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const contour = doc.querySelector('path[stroke^="rgb"]');
    const pts = points(contour?.getAttribute('d') ?? '');
    expect(pts.length).toBeGreaterThan(100);
    // Plot area: x 56..504 for w 0..4; y 400..30 for b 1..5.
    for (const [px, py] of pts) {
      const w = ((px - 56) / 448) * 4;
      const b = 1 + ((400 - py) / 370) * 4;
      expect(Math.hypot(w - 2, b - 3)).toBeCloseTo(2, 1);
    }
  });

  it('draws the optimizer path from snapshots, start to end, with the chosen parameters', () => {
    const snapshots = [
      { step: 0, params: new Float64Array([9, 0, 0]) },
      { step: 10, params: new Float64Array([9, 1, 2]) },
      { step: 20, params: new Float64Array([9, 2, 3]) },
    ];
    const bundle = lossSurfaceBundle((w, b) => (w - 2) ** 2 + (b - 3) ** 2, {
      path: snapshots,
      paramIndices: [1, 2],
    });
    expect(bundle.data['text/plain']).toBe(
      'Loss surface over (w, b), path of 3 points ending at (2, 3)',
    );
    const doc = parse(svgFromImages(bundle.data['text/html'] as string)[0] as string);
    const path = doc.querySelector('path[stroke="#d62728"]');
    expect(points(path?.getAttribute('d') ?? '')).toHaveLength(3);
    expect(doc.querySelectorAll('circle')).toHaveLength(2);
  });

  it('escapes labels and rejects bad options by name', () => {
    const svg = lossSurfaceSvg(() => 1, { title: '<script>x</script>', xLabel: '&' });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(() => lossSurfaceSvg((w) => w, { xRange: [1, 0] })).toThrow(
      "lossSurface: 'xRange' must be two finite numbers, low < high",
    );
    expect(() => lossSurfaceSvg((w) => w, { resolution: 1 })).toThrow(
      "lossSurface: 'resolution' must be an integer in 2..400, got 1",
    );
  });

  it('skips cells where the loss is not finite', () => {
    const svg = lossSurfaceSvg((w, b) => (w < 0 ? Number.NaN : w * w + b * b), {
      xRange: [-1, 1],
      yRange: [-1, 1],
    });
    expect(svg).not.toMatch(/NaN|Infinity/);
  });
});

describe('lossSurface in Chinese', () => {
  it('writes its title, tooltips and summary in the locale asked for', () => {
    const f = (w: number, b: number): number => (w - 2) ** 2 + (b - 3) ** 2;
    const options = {
      path: [
        [0, 0],
        [2, 3],
      ] as [number, number][],
      locale: 'zh' as const,
    };
    const bundle = lossSurfaceBundle(f, options);
    const doc = parse(svgFromImages(String(bundle.data['text/html']))[0] as string);
    expect(doc.querySelector('text')?.textContent).toBe('损失曲面');
    const tips = [...doc.querySelectorAll('title')].map((t) => t.textContent);
    expect(tips).toContain('起点');
    expect(tips).toContain('终点 (2, 3)');
    expect(tips.some((t) => t?.startsWith('损失 '))).toBe(true);
    expect(bundle.data['text/plain']).toBe('损失曲面，参数 (w, b)，路径共 2 个点，终点 (2, 3)');
    expect(lossSurfaceBundle(f, { ...options, locale: 'en' }).data['text/plain']).toBe(
      'Loss surface over (w, b), path of 2 points ending at (2, 3)',
    );
  });
});

describe('the loss-surface payload and colour bar', () => {
  const f = (w: number, b: number): number => (w - 2) ** 2 + 0.5 * (b - 3) ** 2 + 0.1;
  const options = {
    xRange: [0, 4] as [number, number],
    yRange: [1, 5] as [number, number],
    resolution: 8,
    levels: 5,
  };

  it('samples f on the grid, with geometric levels and the path, for the plugin', () => {
    const p = lossSurfacePayload(f, {
      ...options,
      path: [
        [0, 1],
        [2, 3],
      ],
      pathName: 'gd',
    });
    expect(p.x).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4]);
    expect(p.z[4]?.[6]).toBeCloseTo(f(3, 3), 6);
    const ratios = p.levels.slice(1).map((l, k) => l / (p.levels[k] as number));
    for (const r of ratios) {
      expect(r).toBeCloseTo(ratios[0] as number, 9);
    }
    expect(p.paths).toEqual([
      {
        name: 'gd',
        points: [
          [0, 1],
          [2, 3],
        ],
      },
    ]);
    const bundle = lossSurfaceBundle(f, options);
    expect(Object.keys(bundle.data)).toEqual([LOSS_SURFACE_MIME, 'text/html', 'text/plain']);
  });

  it('labels a colour bar with every contour level, low at the bottom', () => {
    const p = lossSurfacePayload(f, options);
    const doc = parse(lossSurfaceSvg(f, options));
    const bar = doc.querySelector('g[data-colorbar]')!;
    const labels = Array.from(bar.querySelectorAll('text')).map((t) => t.textContent);
    expect(labels.slice(0, -1)).toEqual(p.levels.map((l) => formatNumber(l, 3)));
    expect(labels.at(-1)).toBe('loss');
    const ys = Array.from(bar.querySelectorAll('rect')).map((r) => Number(r.getAttribute('y')));
    expect(ys).toEqual([...ys].sort((a, b) => b - a));
    // Each band has its contour's colour.
    const contours = Array.from(doc.querySelectorAll('path[stroke^="rgb"]')).map((q) =>
      q.getAttribute('stroke'),
    );
    expect(Array.from(bar.querySelectorAll('rect')).map((r) => r.getAttribute('fill'))).toEqual(
      contours,
    );
  });
});

describe('the surface JSON Schema', () => {
  it('accepts what lossSurfacePayload makes and rejects a bad grid', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(surfaceSchema);
    const p = JSON.parse(
      JSON.stringify(
        lossSurfacePayload((w, b) => (w > 3 ? Number.NaN : w * w + b * b), {
          xRange: [0, 4],
          yRange: [0, 1],
          resolution: 6,
          path: [[1, 0.5]],
        }),
      ),
    );
    expect(validate(p)).toBe(true);
    expect(validate({ ...p, x: [0] })).toBe(false);
  });
});
