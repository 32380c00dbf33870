import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium';
import { type Platform, type PlatformOptions, startTestPlatform } from './platform';
import { serveWeb, type WebServer } from './web-server';

export { launchChromium };

/** What the browser journeys share: the built app on the local platform, Chromium, sign-in and axe. */

const ROOT = resolve(import.meta.dirname, '../..');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The password of every demo user. */
export const DEMO_PASSWORD = 'ThiDua@2023';

export interface BuiltWeb {
  web: WebServer;
  platform: Platform;
  stop(): Promise<void>;
}

/**
 * The production build of the web app (as `npm run build -w web` makes it, into a temporary folder),
 * served the way CloudFront serves it, on a fresh local platform that allows its origin.
 */
export const startBuiltWeb = async (options: Partial<PlatformOptions> = {}): Promise<BuiltWeb> => {
  const distDir = await mkdtemp(join(tmpdir(), 'thidua-web-dist-'));
  let web: WebServer | undefined;
  let platform: Platform | undefined;
  const stop = async () => {
    await platform?.stop();
    await web?.stop();
    await rm(distDir, { recursive: true, force: true });
  };
  try {
    await build({ root: join(ROOT, 'web'), logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });
    web = await serveWeb({ dir: distDir });
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
export const useBuiltWeb = (options: Partial<PlatformOptions> = {}) => {
  let built: BuiltWeb | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    built = await startBuiltWeb(options);
    browser = await launchChromium();
  });
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
