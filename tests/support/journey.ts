import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import * as browsers from './browser';

type BuiltWeb = browsers.BuiltWeb;

/** Where journeys put their screenshots (and a failed journey its open pages). */
export const SHOTS = join(resolve(import.meta.dirname, '../..'), 'tests/output/screenshots');

export interface Journey {
  built(): BuiltWeb;
  /** A person at a device: a fresh browser context, signed in through the sign-in page. */
  signedIn(email: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** axe-core on the page as it is now: serious and critical violations fail the journey. */
  noSeriousAxe(page: Page, name: string): Promise<void>;
  /** A fresh context (signed out), closed after the file; a failure captures its pages too. */
  newContext(options: BrowserContextOptions): Promise<BrowserContext>;
}

/**
 * A browser journey's fixture for one test file: the production build on the local platform and
 * Chromium, started before the tests and stopped after; a failed test leaves a screenshot and the
 * page's alerts of every open page (prefix `failed-<name>-`).
 */
export function useJourney(
  name: string,
  options: {
    timeoutMs?: number;
    /** The platform's options (e.g. `seedMerged` for the merged province of December 2026). */
    platform?: Parameters<typeof browsers.startBuiltWeb>[0];
  } = {},
): Journey {
  let built: BuiltWeb | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  // The December 2026 world (seedMerged) takes longer to seed than the project's hook timeout allows.
  beforeAll(
    async () => {
      await mkdir(SHOTS, { recursive: true });
      built = await browsers.startBuiltWeb(options.platform);
      browser = await browsers.launchChromium();
    },
    options.platform?.seedMerged ? 300_000 : undefined,
  );
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await built?.stop();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    let i = 0;
    for (const page of contexts.flatMap((c) => c.pages())) {
      await page
        .screenshot({ path: join(SHOTS, `failed-${name}-${i++}.png`), fullPage: true })
        .catch(() => undefined);
      const alerts = await page
        .locator('[role=alert], [role=status]')
        .allTextContents()
        .catch(() => []);
      console.error(`failed page ${page.url()}: ${alerts.filter(Boolean).join(' | ')}`);
    }
  });
  const ready = (): { built: BuiltWeb; browser: Browser } => {
    if (!built || !browser) throw new Error('the journey is not started');
    return { built, browser };
  };
  const newContext = async (o: BrowserContextOptions): Promise<BrowserContext> => {
    const context = await ready().browser.newContext(o);
    contexts.push(context);
    return context;
  };
  return {
    built: () => ready().built,
    newContext,
    async signedIn(email, viewport = { width: 1280, height: 900 }) {
      const context = await newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
      const page = await context.newPage();
      page.setDefaultTimeout(options.timeoutMs ?? 20_000);
      page.on('pageerror', (e) => {
        throw new Error(`page error for ${email}: ${e.message}`);
      });
      await page.goto(`${ready().built.web.origin}/`);
      await browsers.signInThroughPage(page, email);
      return page;
    },
    async noSeriousAxe(page, pageName) {
      const bad = browsers.seriousViolations(await browsers.axeViolations(page));
      expect(bad, `${pageName}: ${JSON.stringify(bad)}`).toEqual([]);
    },
  };
}
