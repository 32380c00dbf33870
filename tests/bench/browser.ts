import { chromium } from 'playwright-core';
import { median } from './stats';

/**
 * The inbox's first render in headless Chromium (Debian's): a signed-in reviewer opens `/inbox` in a
 * fresh browser context (cold cache); the time is read in the page, from navigation start to the first
 * row linking to a submission appearing in the inbox table (a MutationObserver, no polling delay).
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const INBOX_ROW_SELECTOR = 'table tbody a[href^="/submissions/"]';

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
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const runsMs: number[] = [];
    let rows = 0;
    // One unmeasured visit first: the measured ones then see the same warm server and browser binary.
    for (let i = 0; i <= options.runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript(
        ({ session, selector }) => {
          localStorage.setItem('thidua.session', JSON.stringify(session));
          const w = window as unknown as { __benchRendered?: number };
          const seen = (): boolean => document.querySelector(selector) !== null;
          const observer = new MutationObserver(() => {
            if (w.__benchRendered === undefined && seen()) {
              w.__benchRendered = performance.now();
              observer.disconnect();
            }
          });
          observer.observe(document, { childList: true, subtree: true });
        },
        { session: options.session, selector: INBOX_ROW_SELECTOR },
      );
      const page = await context.newPage();
      await page.goto(`${options.webUrl}/inbox`);
      const handle = await page.waitForFunction(
        () => (window as unknown as { __benchRendered?: number }).__benchRendered,
        undefined,
        { timeout: 30_000 },
      );
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
