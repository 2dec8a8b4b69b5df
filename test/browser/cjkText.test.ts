// The SVG renderer cannot measure text: it estimates widths (estimateTextWidth, a wide CJK
// character one em). Here Chromium, with the fonts the set-up installs (fonts-noto-cjk), measures
// what the estimates promise: every label no wider than its estimate, Chinese legend labels
// never overlapping one another, and a title never wider than its chart.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateTextWidth, lossCurvePayload, renderCurveSvg, svgLegend } from '@losslab/kernel';
import { launchChromium } from '../support/launchChromium';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
});

interface Box {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Draws `svg` in the page and returns the box of every horizontal text and the viewBox width. */
async function measure(svg: string): Promise<{ boxes: Box[]; width: number }> {
  return page.evaluate((markup) => {
    document.body.innerHTML = markup;
    const root = document.querySelector('svg') as SVGSVGElement;
    const boxes = [...root.querySelectorAll('text')]
      .filter((t) => !t.hasAttribute('transform')) // the rotated y-axis label
      .map((t) => {
        const b = t.getBBox();
        return { text: t.textContent ?? '', x: b.x, y: b.y, width: b.width, height: b.height };
      });
    return { boxes, width: root.viewBox.baseVal.width };
  }, svg);
}

const LABELS = [
  '均方误差',
  '学习率 0.01（最小 0.2643，第 57 步）',
  'SGD + 动量 0.9（最小 0.009744，第 300 步）',
  '交叉熵 H(p, q)：预测值 ŷ，真实值 y',
  '训练损失，第 1000 步，WWW mmm %%%',
  '（验证集）：，。、',
];

describe('Chinese text in the SVG charts, measured by Chromium', () => {
  it('has every label no wider than its estimate, in the fonts the charts use', async () => {
    const widths = await page.evaluate((labels) => {
      const ns = 'http://www.w3.org/2000/svg';
      const svg = document.createElementNS(ns, 'svg');
      svg.setAttribute('font-family', 'sans-serif');
      svg.setAttribute('font-size', '11');
      document.body.replaceChildren(svg);
      return labels.map((label) => {
        const t = document.createElementNS(ns, 'text');
        t.textContent = label;
        svg.append(t);
        return t.getComputedTextLength();
      });
    }, LABELS);
    widths.forEach((w, i) => {
      const estimate = estimateTextWidth(LABELS[i] as string, 11);
      expect(w, LABELS[i]).toBeGreaterThan(0);
      expect(w, LABELS[i]).toBeLessThanOrEqual(estimate);
      // An upper bound, not a wild one: CJK text is estimated within a third of its width.
      expect(estimate, LABELS[i]).toBeLessThan(1.6 * w);
    });
  });

  it('lays out a Chinese legend whose labels never overlap, inside the chart', async () => {
    const entries = LABELS.map((label) => ({ label, color: '#1f77b4' }));
    for (const width of [640, 420]) {
      const legend = svgLegend(entries, { width, height: 40 });
      const svg =
        `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${legend.width} ${legend.height}" ` +
        `font-family="sans-serif" font-size="11">${legend.markup}</svg>`;
      const { boxes } = await measure(svg);
      expect(boxes).toHaveLength(LABELS.length);
      boxes.forEach((a, i) => {
        expect(a.x + a.width, a.text).toBeLessThanOrEqual(legend.width);
        for (const b of boxes.slice(i + 1)) {
          const apart =
            a.x + a.width <= b.x ||
            b.x + b.width <= a.x ||
            a.y + a.height <= b.y ||
            b.y + b.height <= a.y;
          expect(apart, `${a.text} / ${b.text}`).toBe(true);
        }
      });
    }
  });

  it('keeps a long Chinese title and its labels inside a loss chart', async () => {
    const payload = lossCurvePayload(
      LABELS.slice(1).map((name, i) => ({ name, loss: [4, 2, 1 + i / 10] })),
      {
        locale: 'zh',
        title:
          '七种优化器在同一个问题上的训练损失（均方误差，对数坐标），以及每一种的最小值'.repeat(2),
      },
    );
    const { boxes, width } = await measure(renderCurveSvg(payload));
    for (const b of boxes) {
      expect(b.x, b.text).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width, b.text).toBeLessThanOrEqual(width);
    }
  });
});
