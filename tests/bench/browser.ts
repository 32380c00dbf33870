import { launchChromium } from '../support/chromium';
import { median } from './stats';

/**
 * The inbox's first render in headless Chromium (Debian's): a signed-in reviewer opens `/inbox` in a
 * fresh browser context (cold cache); the time is read in the page, from navigation start to the first
 * row linking to a submission appearing in the inbox table (a MutationObserver, no polling delay).
 */

export const INBOX_ROW_SELECTOR = 'table tbody a[href^="/submissions/"]';

/** Runs in the page before its scripts: the session in storage, the first row noted when it appears. */
const initScript = (session: unknown): string => `
  localStorage.setItem('thidua.session', ${JSON.stringify(JSON.stringify(session))});
  (function () {
    var observer = new MutationObserver(function () {
      if (window.__benchRendered === undefined && document.querySelector(${JSON.stringify(INBOX_ROW_SELECTOR)})) {
        window.__benchRendered = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  })();
`;

export interface RenderMeasure {
  medianMs: number;
  runsMs: number[];
  rows: number;
}

export async function inboxFirstRender(options: {
  webUrl: string;
  session: { idToken: string; accessToken: string; refreshToken: string };
  runs: number;
}): Promise<RenderMeasure> {
  const browser = await launchChromium();
  try {
    const runsMs: number[] = [];
    let rows = 0;
    // One unmeasured visit first: the measured ones then see the same warm server and browser binary.
    for (let i = 0; i <= options.runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      // A string, not a function: a function would be serialized after tsx's transform, which may
      // call helpers (keepNames) that do not exist in the page.
      await context.addInitScript({ content: initScript(options.session) });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('response', (r) => {
        if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
      });
      await page.goto(`${options.webUrl}/inbox`);
      const handle = await page
        .waitForFunction(
          () => (window as unknown as { __benchRendered?: number }).__benchRendered,
          undefined,
          {
            timeout: 30_000,
          },
        )
        .catch(async (error: unknown) => {
          const dom = await page
            .evaluate(() => ({
              tables: document.querySelectorAll('table').length,
              match: document.querySelector('table tbody a[href^="/submissions/"]') !== null,
              flag: (window as unknown as { __benchRendered?: number }).__benchRendered ?? null,
              rows: document.querySelectorAll('table tbody tr').length,
              links: [...document.querySelectorAll('a')]
                .map((a) => a.getAttribute('href'))
                .filter((h) => h?.includes('submission'))
                .slice(0, 3),
            }))
            .catch(() => undefined);
          throw new Error(
            `no inbox row at ${page.url()} within 30 s (${String(error).slice(0, 80)}); DOM ${JSON.stringify(dom)}; ${problems.slice(0, 3).join('; ')}`,
          );
        });
      const ms = Number(await handle.jsonValue());
      rows = await page.locator(INBOX_ROW_SELECTOR).count();
      if (i > 0) runsMs.push(ms);
      await context.close();
    }
    return { medianMs: median(runsMs), runsMs, rows };
  } finally {
    await browser.close();
  }
}
