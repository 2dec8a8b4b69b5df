/**
 * Fills `host` with a readable error for an output the renderer cannot draw, instead of a
 * broken cell or a console exception. The message goes in with `textContent`, so whatever the
 * payload held is shown as text, never parsed as HTML.
 *
 * @example
 * const host = document.createElement('div');
 * renderErrorView(host, "parsePayload: 'runs' must be an array");
 * host.textContent; // "Cannot draw this loss curve: parsePayload: 'runs' must be an array"
 */
export function renderErrorView(host: HTMLElement, message: string): HTMLElement {
  host.replaceChildren();
  const view = document.createElement('div');
  view.className = 'jp-LossCurve-error';
  view.setAttribute('role', 'alert');
  const title = document.createElement('strong');
  title.textContent = 'Cannot draw this loss curve: ';
  const detail = document.createElement('span');
  detail.textContent = message;
  view.append(title, detail);
  host.appendChild(view);
  return view;
}
