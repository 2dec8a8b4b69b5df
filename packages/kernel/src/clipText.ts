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
  // 2 * max UTF-16 units hold at least max code points: never split the whole of a huge string.
  const chars = Array.from(text.slice(0, 2 * max));
  if (chars.length <= max && text.length <= 2 * max) {
    return text;
  }
  return `${chars.slice(0, max - 1).join('')}…`;
}
