import { escapeHtml } from './escapeHtml';

/**
 * An SVG chart as an `<img>` whose source is the SVG itself (`data:image/svg+xml;base64,…`), for
 * the `text/html` of a display bundle. JupyterLab renders the HTML of a notebook the reader did
 * not create or sign (downloaded, received from a colleague) through its sanitizer, which removes
 * an inline `<svg>` and leaves its text as garbage; an image with a data URL survives it, is kept
 * as it is by `nbconvert --to html`, and shows in every notebook viewer. Inside an image the SVG
 * cannot inherit the page's colours, so it is drawn dark on a white card (as matplotlib's inline
 * figures are), readable in light and dark themes alike. `alt` (the chart's summary) is escaped.
 * A chart shrinks to a narrow output (`max-width:100%`); `{ shrink: false }` keeps the picture at
 * its size (a formula, whose glyphs would be unreadably small), for a container that scrolls.
 *
 * @example
 * svgImage('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"></svg>', 'a chart')
 *   .startsWith('<img src="data:image/svg+xml;base64,');
 * // true
 */
export function svgImage(svg: string, alt: string, options?: { shrink?: boolean }): string {
  const box = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  const width = box?.[1] ?? '640';
  const height = box?.[2] ?? '360';
  const card =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" color="#1f1f1f">` +
    `<rect width="100%" height="100%" rx="4" fill="#ffffff"/>${svg}</svg>`;
  const data = Buffer.from(card, 'utf8').toString('base64');
  return (
    `<img src="data:image/svg+xml;base64,${data}" alt="${escapeHtml(alt)}" ` +
    `width="${width}" style="${options?.shrink === false ? 'max-width:none' : 'max-width:100%'};height:auto"/>`
  );
}

/**
 * The SVG documents inside the `svgImage` images of an HTML string, decoded (for tests and for
 * tools that read a notebook's charts).
 *
 * @example
 * svgFromImages(svgImage('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 2"></svg>', '')).length;
 * // 1
 */
export function svgFromImages(html: string): string[] {
  return [...html.matchAll(/src="data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)"/g)].map((m) =>
    Buffer.from(m[1] as string, 'base64').toString('utf8'),
  );
}
