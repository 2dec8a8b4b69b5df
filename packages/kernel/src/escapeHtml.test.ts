import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escapeHtml';

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
