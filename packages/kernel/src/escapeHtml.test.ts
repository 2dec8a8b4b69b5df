import { describe, expect, it } from 'vitest';
import { escapeHtml, isolateBidi, xmlChars } from './escapeHtml';

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'co'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;',
    );
  });

  it('round-trips through an HTML parser as the same text', async () => {
    const { JSDOM } = await import('jsdom');
    const text = `<img src=x onerror="alert(1)"> & </svg>'"`;
    const dom = new JSDOM(`<p title="${escapeHtml(text)}">${escapeHtml(text)}</p>`);
    const p = dom.window.document.querySelector('p') as HTMLElement;
    expect(p.textContent).toBe(text);
    expect(p.getAttribute('title')).toBe(text);
    expect(p.children).toHaveLength(0);
  });
});

describe('isolateBidi', () => {
  it('wraps text with bidi controls in FSI … PDI and drops its own isolate controls', () => {
    expect(isolateBidi('lr \u202E0.1')).toBe('\u2068lr \u202E0.1\u2069');
    expect(isolateBidi('a\u2069b\u2066c')).toBe('\u2068abc\u2069');
    expect(isolateBidi('\u202Aembedded\u202C')).toBe('\u2068\u202Aembedded\u202C\u2069');
  });

  it('leaves text without bidi controls as it is (Arabic and Hebrew letters included)', () => {
    for (const s of ['lr 0.1', 'مرحبا 1', 'שלום', '学习率 0.1', '\u200Fmark']) {
      expect(isolateBidi(s)).toBe(s);
    }
  });

  it('is applied by escapeHtml, so every SVG and HTML label is isolated', () => {
    expect(escapeHtml('<\u202Eb>')).toBe('\u2068&lt;\u202Eb&gt;\u2069');
  });
});

describe('xmlChars', () => {
  it('replaces what XML 1.0 forbids, keeps tab, LF, CR and paired surrogates', () => {
    expect(xmlChars('a\u0000b\u001F\t\n\r\uFFFE\uD83D\uDE00\uD800')).toBe(
      'a\uFFFDb\uFFFD\t\n\r\uFFFD\uD83D\uDE00\uFFFD',
    );
  });
});
