import { describe, expect, it } from 'vitest';

import { renderErrorView } from './renderErrorView';

describe('renderErrorView', () => {
  it('runs its JSDoc example', () => {
    const host = document.createElement('div');
    renderErrorView(host, "parsePayload: 'runs' must be an array");
    expect(host.textContent).toBe(
      "Cannot draw this loss curve: parsePayload: 'runs' must be an array",
    );
  });

  it('shows markup from the payload as text and replaces an earlier view', () => {
    const host = document.createElement('div');
    host.innerHTML = '<p>old chart</p>';
    const view = renderErrorView(
      host,
      '<script>window.__pwned=1</script><img src=x onerror=alert(1)>',
    );
    expect(host.children).toHaveLength(1);
    expect(view.getAttribute('role')).toBe('alert');
    expect(view.className).toBe('jp-LossCurve-error');
    expect(host.querySelector('script, img')).toBeNull();
    expect(view.textContent).toContain(
      '<script>window.__pwned=1</script><img src=x onerror=alert(1)>',
    );
  });
});
