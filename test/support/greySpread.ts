import type { Page } from 'playwright-core';

/**
 * Spread (standard deviation) of the grey levels of a PNG screenshot, measured by the page itself
 * (the screenshot is drawn on a canvas): 0 for a blank picture, tens for a chart or a formula.
 */
export async function greySpread(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let sum = 0;
    let sq = 0;
    const n = data.length / 4;
    for (let i = 0; i < data.length; i += 4) {
      const v = (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
      sum += v;
      sq += v * v;
    }
    return Math.sqrt(Math.max(0, sq / n - (sum / n) ** 2));
  }, png.toString('base64'));
}
