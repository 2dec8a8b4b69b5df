import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from './escapeMarkdown';

describe('escapeMarkdown', () => {
  it('backslash-escapes every ASCII punctuation character but the HTML-significant ones', () => {
    const punct = '!#$%()*+,-./:;=?@[\\]^_`{|}~';
    expect(escapeMarkdown(punct)).toBe([...punct].map((c) => `\\${c}`).join(''));
  });

  it('writes <, >, &, quotes as entities and keeps one line', () => {
    expect(escapeMarkdown(`<a href='x'>"&"</a>\n\n# h\r\n- item`)).toBe(
      '&lt;a href&#39;x&#39;&gt;&quot;&amp;&quot;&lt;\\/a&gt;  \\# h \\- item'.replace(
        'href&#39;',
        'href\\=&#39;',
      ),
    );
  });

  it('keeps letters, digits, spaces and non-ASCII text as they are', () => {
    expect(escapeMarkdown('lr 0 1 均方误差 αβ')).toBe('lr 0 1 均方误差 αβ');
  });

  it('replaces control characters and isolates bidi overrides', () => {
    expect(escapeMarkdown('a\u0000\u202Eb')).toBe('\u2068a\uFFFD\u202Eb\u2069');
  });
});
