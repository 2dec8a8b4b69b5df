import { describe, expect, it } from 'vitest';
import { displayWidth, isWideChar, padEndColumns, padStartColumns } from './displayWidth';

describe('isWideChar', () => {
  it('counts CJK, kana, Hangul, fullwidth forms and emoji as wide, the rest as narrow', () => {
    for (const ch of [
      '中',
      '损',
      '。',
      '，',
      '（',
      '：',
      'あ',
      'カ',
      '한',
      'Ａ',
      '￥',
      '😀',
      '𠀀',
    ]) {
      expect(isWideChar(ch), ch).toBe(true);
    }
    // Halfwidth katakana (U+FF61..), the ideographic half fill space U+303F, Latin, Greek, ŷ.
    for (const ch of ['ｶ', '\u303f', 'a', 'W', 'ŷ', 'λ', '·', '…', '—', '─', ' ']) {
      expect(isWideChar(ch), ch).toBe(false);
    }
  });

  it('agrees with the block boundaries on both sides', () => {
    const edges: [number, boolean][] = [
      [0x10ff, false],
      [0x1100, true],
      [0x115f, true],
      [0x1160, false],
      [0x2e7f, false],
      [0x2e80, true],
      [0x4dbf, true],
      [0x4dc0, false],
      [0x4e00, true],
      [0x9fff, true],
      [0xa4d0, false],
      [0xd7a3, true],
      [0xd7a4, false],
      [0xff00, true],
      [0xff60, true],
      [0xff61, false],
    ];
    for (const [cp, wide] of edges) {
      expect(isWideChar(String.fromCodePoint(cp)), cp.toString(16)).toBe(wide);
    }
  });
});

describe('displayWidth and padStartColumns', () => {
  it('count two columns per wide character, by code point', () => {
    expect(displayWidth('')).toBe(0);
    expect(displayWidth('损失函数')).toBe(8);
    expect(displayWidth('学习率 0.1')).toBe(10);
    expect(displayWidth('𠀀a')).toBe(3); // a surrogate pair is one character
    expect(padStartColumns('步数', 6)).toBe('  步数');
    expect(padStartColumns('12', 6)).toBe('    12');
    expect(padStartColumns('训练损失', 3)).toBe('训练损失');
    expect(padEndColumns('学习率', 8)).toBe('学习率  ');
    expect(padEndColumns('lr 0.1', 8)).toBe('lr 0.1'.padEnd(8));
  });
});
