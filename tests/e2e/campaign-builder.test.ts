import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as support from '../support/browser';

/**
 * The campaign builder in Chromium on a 360-px phone, against the production build and the local
 * platform: the secretariat copies the 2023 campaign into 2026, is told in Vietnamese what blocks
 * publication and taken to the field, fills the plan, adds a monthly form with a reporting cut-off,
 * previews the chain of a commune, and publishes version 1 — no JSON typed anywhere.
 */
let built: support.BuiltWeb;
let browser: Browser;

beforeAll(async () => {
  built = await support.startBuiltWeb();
  browser = await support.launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await built?.stop();
});

async function secretariatOnPhone(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 780 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => {
    throw new Error(`page error: ${e.message}`);
  });
  await page.goto(`${built.web.origin}/sign-in`);
  await support.signInThroughPage(page, 'thuongtruc@demo.thidua.vn');
  return page;
}

describe('campaign builder', () => {
  it('copies 2023 into 2026, adds a monthly form with a cut-off, previews a chain and publishes', async () => {
    const page = await secretariatOnPhone();
    let draftSaves = 0;
    page.on('request', (r) => {
      if (r.method() === 'PUT' && r.url().includes('/admin/campaign-drafts/')) draftSaves++;
    });
    await page.goto(`${built.web.origin}/campaign-builder`);
    await page.getByRole('heading', { name: 'Thiết lập phong trào thi đua' }).waitFor();

    // Copy: the 2023 campaign is offered first; the id follows the year.
    await page.getByLabel(/^Năm của phong trào mới/).fill('2026');
    expect(await page.getByLabel(/^Mã phong trào mới/).inputValue()).toBe('kh38-2026');
    await page.getByRole('button', { name: 'Sao chép' }).click();
    await page.waitForURL(/\/campaign-builder\/kh38-2026$/);
    await page.getByRole('heading', { name: /^Thiết lập phong trào: .*năm 2026/ }).waitFor();

    // Checked before publishing: the cleared plan number is named, in Vietnamese, and its link focuses it.
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    const summary = page.getByRole('alert').filter({ hasText: /Còn \d+ lỗi phải sửa trước khi ban hành/ });
    await summary.waitFor();
    await summary.getByRole('link').first().click();
    const focused = await page.evaluate(() => document.activeElement?.id ?? '');
    expect(focused).toBe('cb-number');

    await page.getByLabel(/^Số, ký hiệu kế hoạch/).fill('12/KH-UBND');
    await page.getByLabel(/^Ngày ban hành kế hoạch/).fill('2026-01-20');

    // A monthly period for the campaign, then a form filed monthly with figures up to the 14th.
    await page
      .getByRole('group', { name: 'Hằng tháng' })
      .getByLabel('Tháng 01/2026', { exact: true })
      .check();
    await page.getByRole('button', { name: 'Thêm biểu mẫu' }).click();
    const added = page.getByRole('region', { name: 'Biểu mẫu form_6' });
    await added.getByLabel(/^Mã biểu mẫu trong phong trào/).fill('monthly_report');
    const form = page.getByRole('region', { name: 'Biểu mẫu monthly_report' });
    await form.getByLabel(/^Mẫu biểu/).fill('periodic_report_2023');
    await form
      .getByLabel(/^Phiên bản mẫu/)
      .locator('option', { hasText: /^1$/ })
      .waitFor({ state: 'attached' });
    const periods = form.getByRole('group', { name: /^Kỳ nộp biểu mẫu/ });
    await periods.getByLabel('Tháng 01/2026', { exact: true }).check();
    await periods.getByLabel('Năm 2026', { exact: true }).uncheck();
    await form.getByLabel(/^Ngày chốt số liệu hằng tháng/).fill('14');
    await form.getByText('Tháng 01/2026 (số liệu tính đến 14/01/2026)').waitFor();

    // The chain a commune will get, from the chain rules and the tree.
    await page
      .getByRole('region', { name: 'Xem trước luồng duyệt của một đơn vị' })
      .getByLabel('Đơn vị lập báo cáo')
      .selectOption({ label: 'Phường Tân Phú (Cấp xã)' });
    const chain = page.getByRole('list', { name: 'Luồng duyệt của Phường Tân Phú' });
    await expect
      .poll(async () => chain.getByRole('listitem').allTextContents())
      .toEqual(['Thành phố Đồng Xoài (Cấp huyện)', 'Tỉnh Bình Phước (Cấp tỉnh)']);
    await page.getByText(/Đã lưu bản nháp lúc/).waitFor();
    // Saved once typing stops, then quiet: no save without a change.
    const saves = draftSaves;
    expect(saves).toBeGreaterThan(0);
    await page.waitForTimeout(3_000);
    expect(draftSaves).toBe(saves);
    expect(support.seriousViolations(await support.axeViolations(page))).toEqual([]);

    // Publication is confirmed, and becomes version 1 in the history.
    await page.getByRole('button', { name: 'Ban hành', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Ban hành phiên bản 1?' });
    await dialog.getByLabel(/^Ghi chú thay đổi/).fill('Kế hoạch năm 2026, thêm báo cáo tháng');
    await dialog.getByRole('button', { name: 'Xác nhận ban hành' }).click();
    await page.waitForURL(/\/campaign-builder\/kh38-2026\/versions$/);
    await page.getByRole('heading', { name: 'Phiên bản 1' }).waitFor();
    await page.getByText('Kế hoạch năm 2026, thêm báo cáo tháng').waitFor();
    await page.getByText(/Sao chép từ kh38-2023/).waitFor();

    // The campaign in force has the monthly form with its cut-off.
    await page.goto(`${built.web.origin}/campaign-builder/kh38-2026`);
    const reopened = page.getByRole('region', { name: 'Biểu mẫu monthly_report' });
    expect(await reopened.getByLabel(/^Ngày chốt số liệu hằng tháng/).inputValue()).toBe('14');
    await page.getByText('Đang sửa từ phiên bản 1').waitFor();
  });
});
