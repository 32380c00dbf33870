import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from './chromium';
import { type Platform, startTestPlatform, type TestPlatformOptions } from './platform';
import { buildWeb, type WebBuild } from './web-build';
import { serveWeb, type WebServer } from './web-server';

export { launchChromium };

/** What the browser journeys share: the built app on the local platform, Chromium, sign-in and axe. */

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The password of every demo user. */
export const DEMO_PASSWORD = 'ThiDua@2023';

export interface BuiltWeb {
  web: WebServer;
  platform: Platform;
  stop(): Promise<void>;
}

/** The build of the run's global setup (global-setup.ts), else one of this journey's own. */
const webBuild = async (): Promise<WebBuild> => {
  const prebuilt = process.env.VITEST ? inject('webDist') : null;
  return prebuilt ? { dir: prebuilt, remove: async () => undefined } : buildWeb();
};

/**
 * The production build of the web app, served the way CloudFront serves it, on a fresh local platform
 * that allows its origin.
 */
export const startBuiltWeb = async (options: TestPlatformOptions = {}): Promise<BuiltWeb> => {
  let dist: WebBuild | undefined;
  let web: WebServer | undefined;
  let platform: Platform | undefined;
  const stop = async () => {
    await platform?.stop();
    await web?.stop();
    await dist?.remove();
  };
  try {
    dist = await webBuild();
    web = await serveWeb({ dir: dist.dir });
    platform = await startTestPlatform({ ...options, webOrigins: [web.origin] });
    web.setConfig(platform.webConfig);
    return { web, platform, stop };
  } catch (e) {
    await stop();
    throw e;
  }
};

/** Fills the sign-in page the page shows and waits until the app has left it. */
export async function signInThroughPage(page: Page, email: string): Promise<void> {
  await page.getByLabel('Thư điện tử').fill(email);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  /** Up to three of the elements concerned (their selectors). */
  targets: string[];
}

/** axe-core's violations on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run: (
          ctx: Document,
          opts: object,
        ) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }>;
      };
    };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3),
    }));
  });
}

/** The violations a journey must not have. */
export const seriousViolations = (violations: readonly AxeViolation[]): AxeViolation[] =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/**
 * A browser journey file's world: the built app on a fresh platform and one Chromium, started before the
 * file's tests and stopped after them. Read `built` and `browser` inside tests (they exist from then on).
 */
export const useBuiltWeb = (
  options: TestPlatformOptions = {},
  /** Chromium's launch options, read when it starts (a downloads folder made by an earlier hook). */
  launch: () => Parameters<typeof launchChromium>[0] = () => ({}),
) => {
  let built: BuiltWeb | undefined;
  let browser: Browser | undefined;
  // The December 2026 world (seedMerged) takes longer to seed than the project's hook timeout allows.
  beforeAll(
    async () => {
      // Chromium starts while the platform seeds: neither needs the other until the first page opens.
      const [web, chromium] = await Promise.allSettled([startBuiltWeb(options), launchChromium(launch())]);
      if (web.status === 'fulfilled') built = web.value;
      if (chromium.status === 'fulfilled') browser = chromium.value;
      // A failure of either is the hook's; afterAll stops whichever did start.
      if (web.status === 'rejected') throw web.reason;
      if (chromium.status === 'rejected') throw chromium.reason;
    },
    options.seedMerged ? 300_000 : undefined,
  );
  afterAll(async () => {
    await browser?.close();
    await built?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useBuiltWeb: read before the journey started');
    return value;
  };
  return {
    get built(): BuiltWeb {
      return started(built);
    },
    get browser(): Browser {
      return started(browser);
    },
  };
};
