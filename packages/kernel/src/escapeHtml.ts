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
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Escapes text for HTML and SVG, in element content and in quoted attribute values alike.
 * Every label, title and run name goes through it: they are text, never markup. Characters that
 * XML forbids become U+FFFD, so an SVG stays well-formed whatever a label holds.
 *
 * @example
 * escapeHtml('<script>alert("x")</script> & co\u0000');
 * // '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co\uFFFD'
 */
export function escapeHtml(text: string): string {
  return String(text)
    .replace(NOT_XML, '\uFFFD')
    .replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}
