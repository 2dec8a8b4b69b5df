/** Longest title, axis label, legend name or progress label the helper shows, in characters. */
export const MAX_LABEL_LENGTH = 200;
/** Longest stop message (which may quote an error) a chart or progress line shows. */
export const MAX_MESSAGE_LENGTH = 600;

import { isolateBidi } from './escapeHtml';

/**
 * `text` cut to at most `max` characters (code points, never half a surrogate pair), ending in
 * '…' when cut: whatever a user passes as a title or label, an output stays small (a live chart
 * resends its text with every frame). Every user text a chart shows passes here, so here it is
 * also isolated when it holds bidi controls (`isolateBidi`): an override (U+202E) in a run's name
 * cannot reorder the numbers after it in a summary line, a legend or the plugin.
 *
 * @example
 * clipText('a'.repeat(300), 5);
 * // 'aaaa…'
 */
export function clipText(text: string, max: number = MAX_LABEL_LENGTH): string {
  return isolateBidi(clip(text, max));
}

function clip(text: string, max: number): string {
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
