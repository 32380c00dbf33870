import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  type BuiltWeb,
  launchChromium,
  seriousViolations,
  signInThroughPage,
  startBuiltWeb,
} from '../support/browser';

/**
 * The merger in the browser (issue 13, point 7): on the December 2026 demo world, the officer of Phường
 * Bình Phước — a ward of the merged province of Đồng Nai, successor of Bình Phước's Phường Tân Phú — opens
 * the predecessor history, sees Tân Phú's approved 2023 report and its award under decision 01/QĐ-UBND,
 * and opens the report: its origin, its contents and its audit trail verified. An officer of another ward
 * sees none of it. On a 360-px phone too, axe clean.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = join(ROOT, 'tests/output/screenshots');

let built: BuiltWeb;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  built = await startBuiltWeb({ seedMerged: true });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await built?.stop();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  let i = 0;
  for (const c of contexts)
    for (const p of c.pages())
      await p
        .screenshot({ path: join(SHOTS, `merger-fail-${i++}.png`), fullPage: true })
        .catch(() => undefined);
});

async function signedIn(email: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => {
    throw new Error(`page error for ${email}: ${e.message}`);
  });
  await page.goto(`${built.web.origin}/sign-in`);
  await signInThroughPage(page, email);
  return page;
}

describe('the successor ward reads its predecessor’s history', () => {
  it("shows Phường Tân Phú's approved 2023 report and award to the officer of Phường Bình Phước", async () => {
    const page = await signedIn('canbo.phuongbinhphuoc@demo.thidua.vn');
    await page.getByRole('link', { name: 'Lịch sử đơn vị tiền thân' }).first().click();
    await page.waitForURL((u) => u.pathname === '/history');
    await expect
      .poll(() => page.getByRole('heading', { name: 'Lịch sử kế thừa của Phường Bình Phước' }).count())
      .toBe(1);
    const tanPhu = page.getByRole('region', { name: 'Phường Tân Phú — Tỉnh Bình Phước' });
    await tanPhu.waitFor();
    const text = (await tanPhu.textContent()) ?? '';
    expect(text).toContain('hợp nhất vào Phường Bình Phước từ ngày 01/07/2025');
    expect(text).toContain('Báo cáo kết quả');
    expect(text).toContain('Đã phê duyệt');
    expect(text).toContain('Số 01/QĐ-UBND ngày 20/12/2023');
    expect(text).toContain('Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh');
    expect(text).toContain('Công an phường Tân Phú');
    expect(text).toContain('Trần Văn Hùng');
    expect(await page.getByText(/Liên kết hợp nhất toàn vẹn/).count()).toBe(1);
    expect(seriousViolations(await axeViolations(page))).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'merger-history.png'), fullPage: true });

    await tanPhu.getByRole('link', { name: 'Xem báo cáo' }).click();
    await page.waitForURL((u) => u.pathname.startsWith('/history/binh-phuoc/'));
    await expect.poll(() => page.getByText('Nhật ký toàn vẹn: 6 sự kiện').count()).toBe(1);
    const report = (await page.locator('main').textContent()) ?? '';
    expect(report).toContain(
      'Báo cáo của Phường Tân Phú (Tỉnh Bình Phước), nay do Phường Bình Phước kế thừa',
    );
    expect(report).toContain('Thành phố Đồng Xoài → Tỉnh Bình Phước');
    expect(report).toContain('14');
    expect(seriousViolations(await axeViolations(page))).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'merger-report.png'), fullPage: true });
  });

  it('on a 360-px phone, and not for the officer of another ward', async () => {
    const phone = await signedIn('canbo.phuongbinhphuoc@demo.thidua.vn', { width: 360, height: 780 });
    await phone.goto(`${built.web.origin}/history`);
    await phone.getByRole('region', { name: 'Phường Tân Phú — Tỉnh Bình Phước' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(seriousViolations(await axeViolations(phone))).toEqual([]);

    const other = await signedIn('canbo.phuongdongxoai@demo.thidua.vn');
    await other.goto(`${built.web.origin}/history`);
    await expect
      .poll(() => other.getByRole('heading', { name: 'Lịch sử kế thừa của Phường Đồng Xoài' }).count())
      .toBe(1);
    await other.getByRole('region', { name: 'Phường Tiến Thành — Tỉnh Bình Phước' }).waitFor();
    expect(await other.getByText('Phường Tân Phú').count()).toBe(0);
  });
});
