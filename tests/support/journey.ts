import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import * as browsers from './browser';

type BuiltWeb = browsers.BuiltWeb;

/** Where journeys put their screenshots (and a failed journey its open pages). */
export const SHOTS = join(resolve(import.meta.dirname, '../..'), 'tests/output/screenshots');

type Viewport = { width: number; height: number };

export interface Journey {
  built(): BuiltWeb;
  /** A person at a device: a fresh browser context, signed in through the sign-in page. */
  signedIn(email: string, viewport?: Viewport): Promise<Page>;
  /** Someone not signed in (a citizen, a reader): a fresh context's page, `label` naming it in logs. */
  page(label: string, viewport?: Viewport): Promise<Page>;
  /** axe-core on the page as it is now: serious and critical violations fail the journey. */
  noSeriousAxe(page: Page, name: string): Promise<void>;
  /** A fresh context (signed out), closed after the file; a failure captures its pages too. */
  newContext(options: BrowserContextOptions): Promise<BrowserContext>;
  /** With `downloads`: the folder Chromium saves downloads in (removed after the file). */
  downloadsDir(): string;
}

const DESKTOP: Viewport = { width: 1280, height: 900 };

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
    /** Downloads accepted and saved in a temporary folder (`downloadsDir()`). */
    downloads?: boolean;
    /** Every API answer of 400 and above printed with the page's label (for long journeys). */
    logApiErrors?: boolean;
  } = {},
): Journey {
  let downloads: string | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    if (options.downloads) downloads = await mkdtemp(join(tmpdir(), 'thidua-downloads-'));
  });
  const e2e = browsers.useBuiltWeb(options.platform, () => (downloads ? { downloadsPath: downloads } : {}));
  // Registered after useBuiltWeb's: runs before it (afterAll hooks run last-registered first).
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    if (downloads) await rm(downloads, { recursive: true, force: true });
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
  const newContext = async (o: BrowserContextOptions): Promise<BrowserContext> => {
    const context = await e2e.browser.newContext({
      ...(options.downloads ? { acceptDownloads: true } : {}),
      ...o,
    });
    contexts.push(context);
    return context;
  };
  const page = async (label: string, viewport: Viewport = DESKTOP): Promise<Page> => {
    const context = await newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const p = await context.newPage();
    p.setDefaultTimeout(options.timeoutMs ?? 20_000);
    p.on('pageerror', (e) => {
      throw new Error(`page error for ${label}: ${e.message}`);
    });
    const apiUrl = e2e.built.platform.apiUrl;
    if (options.logApiErrors) {
      p.on('response', async (r) => {
        if (r.status() < 400 || !r.url().includes(apiUrl)) return;
        const body = (await r.text().catch(() => '')).slice(0, 600);
        console.log(`[${label}] ${r.request().method()} ${r.url()} → ${r.status()} ${body}`);
      });
    }
    return p;
  };
  return {
    built: () => e2e.built,
    newContext,
    page,
    async signedIn(email, viewport = DESKTOP) {
      const p = await page(email, viewport);
      await p.goto(`${e2e.built.web.origin}/`);
      await browsers.signInThroughPage(p, email);
      return p;
    },
    async noSeriousAxe(p, pageName) {
      const bad = browsers.seriousViolations(await browsers.axeViolations(p));
      expect(bad, `${pageName}: ${JSON.stringify(bad)}`).toEqual([]);
    },
    downloadsDir() {
      if (!downloads) throw new Error('useJourney: no downloads folder (pass `downloads: true`)');
      return downloads;
    },
  };
}
