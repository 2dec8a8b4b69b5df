import { escapeHtml } from './escapeHtml';

/**
 * Escapes text for Markdown so that it shows as itself and nothing else: `<`, `>`, `&` and
 * quotes become HTML entities (no tag, no autolink), every other ASCII punctuation character is
 * backslash-escaped (CommonMark allows it for all of them: no link, emphasis, code span, list or
 * heading, and `\$` is not a math delimiter for JupyterLab's math scanner), line breaks become
 * spaces (no new block). Characters XML forbids become U+FFFD and bidi controls are isolated, as
 * in `escapeHtml`.
 *
 * @example
 * escapeMarkdown('[click](javascript:alert(1)) <b>*x*</b>');
 * // '\\[click\\]\\(javascript\\:alert\\(1\\)\\) &lt;b&gt;\\*x\\*&lt;\\/b&gt;'
 */
export function escapeMarkdown(text: string): string {
  // Backslashes first: the entities escapeHtml then writes must stay entities.
  return escapeHtml(
    String(text)
      .replace(/\r\n?|[\n\u2028\u2029]/g, ' ')
      .replace(/[!#$%()*+,\-./:;=?@[\\\]^_`{|}~]/g, '\\$&'),
  );
}
