/** The colours a chart takes from the JupyterLab theme. */
export interface ThemeColors {
  /** True for a light theme (`data-jp-theme-light` on the body). */
  light: boolean;
  background: string;
  text: string;
  grid: string;
  font: string;
}

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  const value = style.getPropertyValue(name).trim();
  return value === '' ? fallback : value;
}

/**
 * Reads the chart colours from the `--jp-*` variables in effect at `element`, with fallbacks
 * for a page without a JupyterLab theme.
 *
 * @example
 * document.body.style.setProperty('--jp-layout-color0', '#111111');
 * themeColors(document.body).background; // '#111111'
 */
export function themeColors(element: Element): ThemeColors {
  const style = getComputedStyle(element);
  const light = document.body.getAttribute('data-jp-theme-light') !== 'false';
  return {
    light,
    background: cssVar(style, '--jp-layout-color0', light ? '#ffffff' : '#111111'),
    text: cssVar(
      style,
      '--jp-ui-font-color1',
      light ? 'rgba(0, 0, 0, 0.87)' : 'rgba(255, 255, 255, 0.87)',
    ),
    grid: cssVar(style, '--jp-border-color2', light ? '#e0e0e0' : '#424242'),
    font: cssVar(style, '--jp-ui-font-family', 'sans-serif'),
  };
}
