import type * as Lite from 'mathjax-full/js/adaptors/liteAdaptor.js';
import type * as Html from 'mathjax-full/js/handlers/html.js';
import type * as TexInput from 'mathjax-full/js/input/tex.js';
import type * as MathJax from 'mathjax-full/js/mathjax.js';
import type * as SvgOutput from 'mathjax-full/js/output/svg.js';
import { escapeHtml, xmlChars } from './escapeHtml';

// LaTeX typeset in the kernel, by MathJax's own TeX input and SVG output (mathjax-full, the
// package MathJax's node demos use), so a formula needs no math script in the page: it shows in
// JupyterLab, in an untrusted notebook (an image survives the sanitizer, inline MathML does not),
// in an nbconvert export opened offline and on GitHub. Glyphs are paths: no web font is fetched.

/** Pixels per em of the typeset formula (a little larger than notebook text, as MathJax's). */
const EM_PX = 19;
/** Margin around the formula inside its card, in pixels. */
const PAD_PX = 8;
/**
 * MathJax's own style for a TeX error (the `noerrors` source text on a highlight), which its
 * page stylesheet gives and an SVG image lacks: without it the highlight is a solid block of
 * `currentColor` over the text.
 */
const ERROR_STYLE =
  '<style>g[data-mml-node="merror"]&gt;g{fill:#c00000;stroke:#c00000}' +
  'g[data-mml-node="merror"]&gt;rect[data-background]{fill:#fff2b3;stroke:none}</style>';

/** The formula's SVG, serialized by us: `viewBox` of MathJax's units, and its inner markup. */
interface Typeset {
  viewBox: string;
  inner: string;
}

let typesetter: ((tex: string) => Typeset) | undefined;

/** MathJax's TeX-to-SVG document, built on first use (loading it takes about half a second). */
function getTypesetter(): (tex: string) => Typeset {
  if (typesetter === undefined) {
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded lazily: most cells never typeset */
    const { mathjax } = require('mathjax-full/js/mathjax.js') as typeof MathJax;
    const { TeX } = require('mathjax-full/js/input/tex.js') as typeof TexInput;
    const { SVG } = require('mathjax-full/js/output/svg.js') as typeof SvgOutput;
    const { liteAdaptor } = require('mathjax-full/js/adaptors/liteAdaptor.js') as typeof Lite;
    const { RegisterHTMLHandler } = require('mathjax-full/js/handlers/html.js') as typeof Html;
    require('mathjax-full/js/input/tex/base/BaseConfiguration.js');
    require('mathjax-full/js/input/tex/ams/AmsConfiguration.js');
    require('mathjax-full/js/input/tex/noundefined/NoUndefinedConfiguration.js');
    require('mathjax-full/js/input/tex/noerrors/NoErrorsConfiguration.js');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const adaptor = liteAdaptor();
    RegisterHTMLHandler(adaptor);
    // No 'require', 'html' or 'newcommand' package: a formula cannot load code, set classes or
    // styles, or define runaway macros; unknown macros and TeX errors are drawn, not thrown.
    const doc = mathjax.document('', {
      InputJax: new TeX({ packages: ['base', 'ams', 'noundefined', 'noerrors'] }),
      OutputJax: new SVG({ fontCache: 'local' }),
    });
    type Node = Parameters<typeof adaptor.kind>[0];
    // Our own serializer: the lite adaptor leaves '&' and '<' raw in attributes and in the
    // <title> of an error ("Misplaced &"), which makes the SVG ill-formed. Links (\href) are
    // dropped: only the glyph references inside the SVG (href="#…") are kept.
    const serialize = (node: Node): string => {
      const kind = adaptor.kind(node);
      if (kind === '#text') {
        return escapeHtml(adaptor.value(node));
      }
      if (kind.startsWith('#')) {
        return '';
      }
      const attrs = adaptor
        .allAttributes(node as never)
        .filter((a) => !/href$/i.test(a.name) || a.value.startsWith('#'))
        .map((a) => ` ${a.name}="${escapeHtml(a.value)}"`)
        .join('');
      const kids = adaptor
        .childNodes(node as never)
        .map(serialize)
        .join('');
      return `<${kind}${attrs}>${kids}</${kind}>`;
    };
    typesetter = (tex: string): Typeset => {
      const container = doc.convert(tex, { display: true }) as never;
      const svg = adaptor.firstChild(container) as never;
      return {
        viewBox: String(adaptor.getAttribute(svg, 'viewBox') ?? ''),
        inner: adaptor.childNodes(svg).map(serialize).join(''),
      };
    };
  }
  return typesetter;
}

/**
 * A LaTeX formula typeset as a standalone SVG document (display style, glyphs as paths, drawn in
 * `currentColor`), `viewBox="0 0 width height"` in pixels with a margin, for `svgImage`. Characters
 * XML forbids become U+FFFD first, so the SVG is well-formed for any input.
 *
 * @param tex the formula, without `$$` delimiters
 * @returns the SVG document
 * @throws Error when MathJax fails on the input (`noerrors` makes TeX errors drawn text instead)
 * @example
 * texToSvg('\\frac{a}{b}').startsWith('<svg xmlns="http://www.w3.org/2000/svg"');
 * // true
 */
export function texToSvg(tex: string): string {
  const { viewBox, inner } = getTypesetter()(xmlChars(tex));
  const vb = /^([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)$/.exec(viewBox);
  if (vb === null) {
    throw new Error(`texToSvg: MathJax returned no SVG for '${tex}'`);
  }
  const [, x0, y0, vw, vh] = vb as unknown as [string, string, string, string, string];
  const w = Math.ceil((Number(vw) / 1000) * EM_PX);
  const h = Math.ceil((Number(vh) / 1000) * EM_PX);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ` +
    `viewBox="0 0 ${w + 2 * PAD_PX} ${h + 2 * PAD_PX}">${ERROR_STYLE}` +
    `<svg x="${PAD_PX}" y="${PAD_PX}" width="${w}" height="${h}" ` +
    `viewBox="${x0} ${y0} ${vw} ${vh}">${inner}</svg></svg>`
  );
}
