/* eslint-disable @typescript-eslint/no-explicit-any -- code evaluated in the page reaches JupyterLab's app object, which has no types here. */
// What every browser test does with a JupyterLab page: collect unexpected console errors, and
// wait for the current notebook's kernel to be idle.
import type { ConsoleMessage, Page } from 'playwright-core';

/** Known, harmless console errors of JupyterLab 4.6.4 here (see shared/JUPYTERLAB.md). */
export const KNOWN_ERRORS: readonly RegExp[] = [/No active debugger session/];
/** Known, harmless 404s (the language-server status JupyterLab asks for). */
export const KNOWN_404: readonly RegExp[] = [/\/lsp\/status/];

/** Collects the page's console errors and uncaught exceptions, known ones left out. */
export function watchConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg: ConsoleMessage) => {
    const where = msg.location().url ?? '';
    if (
      msg.type() === 'error' &&
      !KNOWN_ERRORS.some((re) => re.test(msg.text())) &&
      !KNOWN_404.some((re) => re.test(where))
    ) {
      errors.push(`${msg.text()} (${where})`);
    }
  });
  page.on('pageerror', (err) => {
    if (!KNOWN_ERRORS.some((re) => re.test(err.message))) {
      errors.push(`pageerror: ${err.message}`);
    }
  });
  return errors;
}

/** Waits until the current notebook's kernel is idle and connected (60 s at most). */
export async function kernelIdle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const app = (window as unknown as { jupyterapp?: any }).jupyterapp;
      const kernel = app?.shell.currentWidget?.sessionContext?.session?.kernel;
      return kernel?.status === 'idle' && kernel?.connectionStatus === 'connected';
    },
    undefined,
    { timeout: 60_000, polling: 100 },
  );
}

/** Opens JupyterLab's page at `lab` and waits until the app has restored its layout. */
export async function openLab(page: Page, lab: { base: string; token: string }): Promise<void> {
  await page.goto(`${lab.base}/lab?token=${lab.token}`);
  await page.waitForFunction(
    () => (window as unknown as { jupyterapp?: any }).jupyterapp?.restored !== undefined,
    undefined,
    { timeout: 60_000 },
  );
  await page.evaluate(() => (window as unknown as { jupyterapp: any }).jupyterapp.restored);
}
