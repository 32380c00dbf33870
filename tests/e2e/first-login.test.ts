import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, seriousViolations, useBuiltWeb } from '../support/browser';
import { createUserWithTemporaryPassword } from '../support/temporary-user';

/**
 * A user created by an administrator signs in through the web app for the first time: the temporary
 * password leads to "Đặt mật khẩu mới", the pool's policy is explained and enforced, and the new password
 * lands the user on their home, in Chromium against the production build and the real local platform.
 */
const EMAIL = 'lan.dau@demo.thidua.vn';
const TEMPORARY = 'Tam-thoi-2026!';
const CHOSEN = 'Mat-khau-rieng-2026!';

const e2e = useBuiltWeb();

beforeAll(async () => {
  await createUserWithTemporaryPassword(e2e.built.platform, EMAIL, TEMPORARY, 'Trần Thị Lần Đầu');
});

describe('first sign-in', () => {
  it('sets a new password in place of the temporary one and lands on the home page', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'vi-VN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${e2e.built.web.origin}/sign-in`);
    await page.getByLabel('Thư điện tử').fill(EMAIL);
    await page.getByLabel('Mật khẩu').fill(TEMPORARY);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    await page.getByRole('heading', { name: 'Đặt mật khẩu mới' }).waitFor();
    expect(
      await page
        .getByText(/ít nhất 12 ký tự/)
        .first()
        .isVisible(),
    ).toBe(true);
    expect(seriousViolations(await axeViolations(page))).toEqual([]);

    // Two different passwords are refused next to the field, before anything is sent.
    await page.getByLabel(/^Mật khẩu mới/).fill(CHOSEN);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(`${CHOSEN}x`);
    await page.getByRole('button', { name: 'Lưu mật khẩu và đăng nhập' }).click();
    await page.getByText('Hai mật khẩu chưa giống nhau').waitFor();

    await page.getByLabel('Nhập lại mật khẩu mới').fill(CHOSEN);
    await page.getByRole('button', { name: 'Lưu mật khẩu và đăng nhập' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));

    // The new password is the one that works from now on.
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${e2e.built.web.origin}/sign-in`);
    await page.getByLabel('Thư điện tử').fill(EMAIL);
    await page.getByLabel('Mật khẩu').fill(CHOSEN);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await context.close();
  });

  it('offers "Quên mật khẩu?" and asks for the code after sending it', async () => {
    const context = await e2e.browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${e2e.built.web.origin}/sign-in`);
    await page.getByRole('button', { name: 'Quên mật khẩu?' }).click();
    await page.getByRole('heading', { name: 'Quên mật khẩu' }).waitFor();
    await page.getByLabel('Thư điện tử').fill(EMAIL);
    await page.getByRole('button', { name: 'Gửi mã xác nhận' }).click();
    await page.getByLabel('Mã xác nhận').waitFor();
    // A wrong code is named as such (Cognito's and cognito-local's CodeMismatchException).
    await page.getByLabel('Mã xác nhận').fill('000000');
    await page.getByLabel(/^Mật khẩu mới/).fill('Dat-lai-moi-2026!');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('Dat-lai-moi-2026!');
    await page.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    await page.getByText(/Mã xác nhận không đúng|Mã xác nhận đã hết hạn/).waitFor();
    await context.close();
  });
});
