const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

// Characters XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE/U+FFFF; lone surrogates):
// one of them makes an SVG ill-formed, and an SVG image then does not load at all.
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// Explicit bidi embeddings, overrides and isolates (LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI).
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const BIDI_ISOLATE = /[\u2066-\u2069]/g;

/**
 * Text with bidi controls, isolated: wrapped in FSI (U+2068) … PDI (U+2069), its own isolate
 * controls removed so none can close the wrapper early. An override (U+202E) then reorders only
 * the text it is in, never the numbers or words drawn after it ("Trojan Source" labels). Text
 * without bidi controls is returned as it is.
 *
 * @example
 * isolateBidi('run \u202Eevil');
 * // '\u2068run \u202Eevil\u2069'
 */
export function isolateBidi(text: string): string {
  const s = String(text);
  return BIDI_CONTROL.test(s) ? `\u2068${s.replace(BIDI_ISOLATE, '')}\u2069` : s;
}

/**
 * Text whose characters XML 1.0 allows: the others (C0 controls but tab, LF and CR; U+FFFE,
 * U+FFFF; lone surrogates) become U+FFFD. For text that goes into an SVG unescaped by design
 * (a formula handed to the typesetter).
 *
 * @example
 * xmlChars('a\u0000b');
 * // 'a\uFFFDb'
 */
export function xmlChars(text: string): string {
  return String(text).replace(NOT_XML, '\uFFFD');
}

/**
 * Escapes text for HTML and SVG, in element content and in quoted attribute values alike.
 * Every label, title and run name goes through it: they are text, never markup. Characters that
 * XML forbids become U+FFFD, so an SVG stays well-formed whatever a label holds; text with bidi
 * controls is isolated (`isolateBidi`).
 *
 * @example
 * escapeHtml('<script>alert("x")</script> & co\u0000');
 * // '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co\uFFFD'
 */
export function escapeHtml(text: string): string {
  return isolateBidi(xmlChars(text)).replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}
