import { totp } from '@thidua/functions/local/totp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  type BuiltWeb,
  DEMO_PASSWORD,
  launchChromium,
  seriousViolations,
  signInThroughPage,
  startBuiltWeb,
} from '../support/browser';

/**
 * TOTP in the browser, against the production build and the real local platform: the administrator
 * requires two-step verification of the secretariat (the demo starts with nobody required); the
 * secretariat signs in, is led through enrolment (QR code and secret — the test computes the codes from
 * the secret shown, as a phone would), signs in again with a code and lands on their home; after signing
 * out, the next sign-in asks for the code; "sign out everywhere" ends the session.
 */
const ADMIN = 'quantri@demo.thidua.vn';
const SECRETARIAT = 'thuongtruc@demo.thidua.vn';

let built: BuiltWeb;
let browser: Browser;

beforeAll(async () => {
  built = await startBuiltWeb();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await built?.stop();
});

const newPage = async (width = 1280): Promise<Page> => {
  const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'vi-VN' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
};

const typePassword = async (page: Page, email: string) => {
  await page.goto(`${built.web.origin}/sign-in`);
  await page.getByLabel('Thư điện tử').fill(email);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
};

const answerCode = async (page: Page, code: string) => {
  await page.getByLabel(/^Mã xác thực/).fill(code);
  await page.getByRole('button', { name: 'Xác nhận' }).click();
};

/** Home is wherever the app lands; it must show the user's work, not a refusal for want of TOTP. */
const expectHome = async (page: Page) => {
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  expect(await page.getByText(/cần xác thực hai lớp|đăng nhập lại với mã TOTP/).count()).toBe(0);
};

describe('two-step verification (TOTP)', () => {
  it('the administrator requires it of the secretariat on the account page', async () => {
    const page = await newPage();
    await page.goto(`${built.web.origin}/sign-in`);
    await signInThroughPage(page, ADMIN);
    await page.goto(`${built.web.origin}/account`);
    const policy = page.getByRole('group', { name: /Người giữ các vai trò được chọn/ });
    await policy.getByLabel('Cơ quan thường trực').check();
    await page.getByRole('button', { name: 'Lưu thiết lập' }).click();
    await page.getByText('Đã lưu thiết lập xác thực hai lớp.').waitFor();
    expect(await policy.getByLabel('Cơ quan thường trực').isChecked()).toBe(true);
    expect(await policy.getByLabel('Quản trị').isChecked()).toBe(false);
    await page.context().close();
  });

  it('leads the secretariat through enrolment, then a code at every sign-in', async () => {
    const page = await newPage(360);
    await typePassword(page, SECRETARIAT);
    await page.getByRole('heading', { name: 'Đăng ký ứng dụng xác thực' }).waitFor();
    await page.getByRole('img', { name: /Mã QR/ }).waitFor();
    expect(seriousViolations(await axeViolations(page))).toEqual([]);
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

    // A code of another secret is named for what it is; the phone's code turns TOTP on.
    await page.getByLabel(/^Mã xác thực/).fill(totp('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'));
    await page.getByRole('button', { name: 'Bật xác thực hai lớp' }).click();
    await page.getByText(/Mã từ ứng dụng xác thực không đúng/).waitFor();
    await page.getByLabel(/^Mã xác thực/).fill(totp(secret));
    await page.getByRole('button', { name: 'Bật xác thực hai lớp' }).click();

    // The session began without a code: the app signs in again and asks for the next one.
    await page.getByRole('heading', { name: 'Xác thực hai lớp' }).waitFor();
    await answerCode(page, totp(secret, Date.now(), 1));
    await expectHome(page);

    // On a phone the sign-out button sits in the menu.
    const signOut = page.getByRole('button', { name: 'Đăng xuất', exact: true });
    if (!(await signOut.isVisible())) await page.getByRole('button', { name: 'Menu' }).click();
    await signOut.click();
    await page.waitForURL((url) => url.pathname.startsWith('/sign-in'));
    await typePassword(page, SECRETARIAT);
    await page.getByRole('heading', { name: 'Xác thực hai lớp' }).waitFor();
    await answerCode(page, '000000' === totp(secret) ? '111111' : '000000');
    await page.getByText(/Mã từ ứng dụng xác thực không đúng/).waitFor();
    await answerCode(page, totp(secret));
    await expectHome(page);

    await page.goto(`${built.web.origin}/account`);
    await page.getByText('Đang bật: mỗi lần đăng nhập cần mã từ ứng dụng xác thực.').waitFor();
    await page.getByRole('button', { name: 'Đăng xuất khỏi mọi thiết bị' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Đăng xuất khỏi mọi thiết bị' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/sign-in'));
    await page.context().close();
  });
});
