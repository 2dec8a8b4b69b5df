// East Asian Wide (W) and Fullwidth (F) code points, after Unicode's EastAsianWidth.txt: the
// Hangul, CJK, kana, Yi and fullwidth-form blocks and the common emoji. Ranges are inclusive.
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x23f0, 0x23f0],
  [0x23f3, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x26a1, 0x26a1],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f5],
  [0x26fa, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x274e, 0x274e],
  [0x2753, 0x2755],
  [0x2757, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f251],
  [0x1f300, 0x1f64f],
  [0x1f680, 0x1f6ff],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

/**
 * True for a wide character (East Asian Wide or Fullwidth: 中, ，, ｗ, 😀), which takes two
 * columns of a terminal and about one em in a proportional font, twice a typical Latin letter.
 *
 * @example
 * [isWideChar('中'), isWideChar('，'), isWideChar('a'), isWideChar('ŷ')];
 * // [true, true, false, false]
 */
export function isWideChar(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x1100) {
    return false; // the fast path: Latin, Greek, Cyrillic, symbols
  }
  let lo = 0;
  let hi = WIDE.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = WIDE[mid] as readonly [number, number];
    if (cp < a) {
      hi = mid - 1;
    } else if (cp > b) {
      lo = mid + 1;
    } else {
      return true;
    }
  }
  return false;
}

/**
 * The columns `text` takes in a monospaced terminal or `<pre>`: two per wide character, one per
 * other character (code points, not UTF-16 units). Pads text tables that mix Chinese and numbers.
 *
 * @example
 * [displayWidth('loss'), displayWidth('损失'), displayWidth('第 3 步')];
 * // [4, 4, 7]
 */
export function displayWidth(text: string): number {
  let n = 0;
  for (const ch of text) {
    n += isWideChar(ch) ? 2 : 1;
  }
  return n;
}

/**
 * `text` padded on the left with spaces to `width` columns (`String.prototype.padStart` counts a
 * Chinese character as one column and misaligns such tables).
 *
 * @example
 * padStartColumns('损失', 6);
 * // '  损失'
 */
export function padStartColumns(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

/**
 * `text` padded on the right with spaces to `width` columns, for the first column of a text
 * table whose labels may be Chinese (see `padStartColumns`).
 *
 * @example
 * padEndColumns('学习率', 8) + '|';
 * // '学习率  |'
 */
export function padEndColumns(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
