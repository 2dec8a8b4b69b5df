/** Longest title, axis label, legend name or progress label the helper shows, in characters. */
export const MAX_LABEL_LENGTH = 200;
/** Longest stop message (which may quote an error) a chart or progress line shows. */
export const MAX_MESSAGE_LENGTH = 600;

/**
 * `text` cut to at most `max` characters (code points, never half a surrogate pair), ending in
 * '…' when cut: whatever a user passes as a title or label, an output stays small (a live chart
 * resends its text with every frame).
 *
 * @example
 * clipText('a'.repeat(300), 5);
 * // 'aaaa…'
 */
export function clipText(text: string, max: number = MAX_LABEL_LENGTH): string {
  if (text.length <= max) {
    return text;
  }
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
