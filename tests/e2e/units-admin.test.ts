import { join, resolve } from 'node:path';
import { addDays, toCalendarDate } from '@thidua/shared/common';
import { describe, expect, it } from 'vitest';
import { axeViolations, seriousViolations, signInThroughPage, useBuiltWeb } from '../support/browser';

/**
 * The units screen at 360 px, by keyboard where it matters: the administrator renames a commune from
 * today (the tree of yesterday keeps the old name), and closing a district that still has communes is
 * confirmed first, then refused with the reason — nothing typed as JSON.
 */
const SHOTS = join(resolve(import.meta.dirname, '../..'), 'tests/output/screenshots');

const e2e = useBuiltWeb();

describe('units screen', () => {
  it('renames from a date, shows the tree of another day, and refuses to close a district with communes', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'vi-VN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${e2e.built.web.origin}/sign-in`);
    await signInThroughPage(page, 'quantri@demo.thidua.vn');
    await page.goto(`${e2e.built.web.origin}/admin/units`);
    await page.getByRole('heading', { name: 'Cây đơn vị' }).waitFor();
    const row = (name: string) => page.locator('.org-row', { has: page.getByText(name, { exact: true }) });
    await row('Phường Tân Phú').waitFor();
    expect(seriousViolations(await axeViolations(page))).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // Keyboard: the unit row and the action are buttons.
    await row('Phường Tân Phú').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Phường Tân Phú', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Đổi tên' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel(/^Tên mới/).fill('Phường Tân Phú Mới');
    await page.getByRole('button', { name: 'Ghi thay đổi' }).click();
    await page.getByText('Đã ghi thay đổi (1 đơn vị).').waitFor();
    await row('Phường Tân Phú Mới').waitFor();
    await page.screenshot({ path: join(SHOTS, 'units-360.png'), fullPage: true });

    const yesterday = addDays(toCalendarDate(new Date().toISOString()), -1);
    await page.getByLabel('Xem cây đơn vị vào ngày').fill(yesterday);
    await row('Phường Tân Phú').waitFor();
    expect(await row('Phường Tân Phú Mới').count()).toBe(0);

    // Closing is confirmed first; the API then refuses it with the reason, and nothing is closed.
    await row('Thành phố Đồng Xoài').click();
    await page.getByRole('button', { name: 'Giải thể' }).click();
    const record = page.getByRole('button', { name: 'Ghi thay đổi' });
    expect(await record.isDisabled()).toBe(true);
    await page.getByLabel(/Tôi xác nhận giải thể/).check();
    expect(seriousViolations(await axeViolations(page))).toEqual([]);
    await record.click();
    await page
      .getByRole('alert')
      .getByText(/còn trực thuộc/)
      .waitFor();
    await context.close();
  });
});
