import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as browserSupport from '../support/browser';
import { latestCodeFor } from '../support/temporary-user';

/**
 * The administrator creates a user ON SCREEN (360 px wide, Vietnamese), finds them again by a search typed
 * without accents; that user signs in with the temporary password of their invitation (read from the
 * platform's cognito log, as the README tells a person), sets their own password and lands on their home.
 * (TOTP enrolment is added to this journey by the sign-in work.)
 */
const EMAIL = 'nguoi.moi.tanphu@demo.thidua.vn';
const NAME = 'Đặng Thị Người Mới';
const CHOSEN = 'Mat-khau-cua-toi-2026!';

const { axeViolations, seriousViolations, signInThroughPage, useBuiltWeb } = browserSupport;

const e2e = useBuiltWeb();

async function expectAxeClean(page: Page, where: string): Promise<void> {
  expect(seriousViolations(await axeViolations(page)), where).toEqual([]);
}

describe('administration of users', () => {
  it('the administrator creates a user on screen; that user signs in with the temporary password and lands home', async () => {
    const admin = await e2e.browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'vi-VN' });
    const page = await admin.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${e2e.built.web.origin}/sign-in`);
    await signInThroughPage(page, 'quantri@demo.thidua.vn');
    // The administrator's home is the administration.
    await page.waitForURL((url) => url.pathname === '/admin');
    await page.getByRole('heading', { name: 'Quản trị hệ thống' }).waitFor();
    expect(await page.getByRole('link', { name: 'Cây đơn vị' }).getAttribute('href')).toBe('/admin/units');
    await expectAxeClean(page, '/admin');

    await page.getByRole('link', { name: 'Người dùng và vai trò' }).click();
    await page.getByRole('heading', { name: 'Người dùng và vai trò' }).waitFor();
    await expectAxeClean(page, '/admin/users');

    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Thêm người dùng' }).waitFor();
    // Keyboard: the dialog takes the focus on its first field.
    await page.keyboard.type(NAME);
    await dialog.getByLabel('Thư điện tử').fill(EMAIL);
    await dialog.getByLabel('Chức vụ').fill('Công chức văn phòng');
    await dialog.getByRole('combobox', { name: /^Đơn vị/ }).selectOption('dong-xoai-tan-phu');
    await dialog.getByRole('checkbox', { name: 'Cán bộ nhập liệu' }).check();
    await expectAxeClean(page, 'the new user dialog');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText(`Đã tạo tài khoản ${EMAIL}`).waitFor();

    // Found again by a search typed without accents.
    await page.getByRole('searchbox', { name: 'Tìm theo họ tên hoặc thư điện tử' }).fill('dang thi nguoi');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByRole('table').getByText(EMAIL).waitFor();
    await expectAxeClean(page, 'the search results');
    await admin.close();

    const temporary = await latestCodeFor(e2e.built.platform, EMAIL);
    const person = await e2e.browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'vi-VN' });
    const own = await person.newPage();
    own.setDefaultTimeout(15_000);
    await own.goto(`${e2e.built.web.origin}/sign-in`);
    await own.getByLabel('Thư điện tử').fill(EMAIL);
    await own.getByLabel('Mật khẩu').fill(temporary);
    await own.getByRole('button', { name: 'Đăng nhập' }).click();
    await own.getByRole('heading', { name: 'Đặt mật khẩu mới' }).waitFor();
    await own.getByLabel(/^Mật khẩu mới/).fill(CHOSEN);
    await own.getByLabel('Nhập lại mật khẩu mới').fill(CHOSEN);
    await own.getByRole('button', { name: 'Lưu mật khẩu và đăng nhập' }).click();
    await own.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    // Their home: the commune officer's own work (the shell shows their name from the new token).
    await own.waitForURL((url) => url.pathname === '/home');
    await own.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await own.locator('.shell-user-name').textContent()).toBe(NAME);
    await person.close();
  });

  it('the import and office-holder pages are usable at 360 px and axe clean', async () => {
    const admin = await e2e.browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'vi-VN' });
    const page = await admin.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${e2e.built.web.origin}/sign-in`);
    await signInThroughPage(page, 'quantri@demo.thidua.vn');
    await page.goto(`${e2e.built.web.origin}/admin/import`);
    await page.getByRole('heading', { name: 'Nhập đơn vị, người dùng từ Excel' }).waitFor();
    await expectAxeClean(page, '/admin/import');
    await page.goto(`${e2e.built.web.origin}/admin/office-holders?unit=dong-xoai-tan-phu`);
    await page.getByRole('heading', { name: /Người giữ chức vụ của/ }).waitFor();
    await page.getByRole('button', { name: 'Thêm người giữ chức vụ' }).click();
    await expectAxeClean(page, '/admin/office-holders');
    await admin.close();
  });
});
