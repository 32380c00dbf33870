import { describe, expect, it } from 'vitest';
import {
  act,
  createReport,
  expectStatus,
  logins,
  REPORT_TEMPLATE,
  testCampaign,
  testTemplateBody,
} from '../integration/api-world';
import * as browserSupport from '../support/browser';
import { apiAs } from '../support/platform';

/**
 * Issue 16's journey: the district returns a commune's report naming the field it comments on → the
 * commune officer's bell shows 1 on whatever page they are → the notice opens the report at that field; the
 * e-mail is in the local capture. The reviewer returns it on screen, ticking the field in the return
 * dialog (the same `fields` a comment "with the return" would give); everything the officer does is on
 * screen too.
 */
const { axeViolations, seriousViolations, signInThroughPage, useBuiltWeb } = browserSupport;
const e2e = useBuiltWeb();

/** A fresh browser session (nobody signed in), in Vietnamese, at a desktop size. */
const openPage = async () => {
  const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
};

describe('notifications', () => {
  it('a returned report: the bell shows 1, the notice opens the report at the commented field, the e-mail arrives', async () => {
    const { platform, web } = e2e.built;
    const admin = await apiAs(platform, logins.admin);
    expectStatus(await admin.post(`/admin/templates/${REPORT_TEMPLATE}/versions`, testTemplateBody), 201);
    expectStatus(await admin.post('/admin/campaigns', testCampaign()), 201);
    const officerApi = await apiAs(platform, logins.communeSubmitter);
    const draft = await createReport(officerApi, '2026-Q2');
    const submitted = await act(officerApi, draft, { type: 'submit' });
    expect(submitted.state).toBe('under_review');

    const { context: reviewer, page: review } = await openPage();
    await review.goto(`${web.origin}/sign-in`);
    await signInThroughPage(review, logins.districtReviewer);
    await review.goto(`${web.origin}/submissions/${draft.id}`);
    await review.getByRole('button', { name: 'Trả lại', exact: true }).click();
    const dialog = review.getByRole('dialog', { name: 'Trả lại hồ sơ để bổ sung' });
    await dialog.getByLabel('Lý do').fill('Số vụ phát hiện chưa khớp với báo cáo tháng');
    await dialog.getByRole('checkbox', { name: 'Số liệu — Số vụ phát hiện' }).check();
    expect(seriousViolations(await axeViolations(review)), 'return dialog').toEqual([]);
    await dialog.getByRole('button', { name: 'Trả lại', exact: true }).click();
    await review.getByText('Đã trả lại hồ sơ cho đơn vị.').waitFor();
    await reviewer.close();

    const mail = await platform.mail.waitFor(
      (m) => m.to.includes(logins.communeSubmitter) && m.subject.includes('Báo cáo bị trả lại'),
    );
    expect(mail.text).toContain(`/submissions/${draft.id}#field-figures.crimesDetected`);
    await platform.streams.drain();

    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${web.origin}/sign-in`);
    await signInThroughPage(page, logins.communeSubmitter);
    const count = page.getByTestId('notification-count');
    await count.waitFor();
    expect(await count.textContent()).toBe('1');
    expect(await page.getByTestId('notification-bell').getAttribute('aria-label')).toBe(
      '1 thông báo chưa đọc',
    );

    await page.getByTestId('notification-bell').click();
    await page.getByRole('heading', { name: 'Thông báo', level: 1 }).waitFor();
    expect(seriousViolations(await axeViolations(page)), '/notifications').toEqual([]);
    await page.getByRole('link', { name: /Báo cáo thử nghiệm quý II\/2026/ }).click();
    await page.waitForURL((url) => url.pathname === `/submissions/${draft.id}`);
    expect(new URL(page.url()).hash).toBe('#field-figures.crimesDetected');
    const field = page.locator('#fld-figures-crimesDetected');
    await page.locator('#fld-figures-crimesDetected[data-anchored="true"]').waitFor();
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    // Read now: the bell has nothing left to count.
    await page.getByTestId('notification-bell').waitFor();
    await expect.poll(() => page.getByTestId('notification-count').count()).toBe(0);
    await context.close();

    // The e-mail's "Không nhận thư loại …" link, followed without signing in: a page asks, then stops it.
    const link = /Không muốn nhận thư loại "Báo cáo bị trả lại": (\S+)/.exec(mail.text)?.[1] ?? '';
    const target = new URL(link);
    expect(target.pathname).toBe('/public/notifications/preferences');
    const { context: anonymous, page: unsub } = await openPage();
    await unsub.goto(`${web.origin}${target.pathname}${target.search}`);
    await unsub.getByText('Báo cáo bị trả lại').first().waitFor();
    expect(seriousViolations(await axeViolations(unsub)), 'unsubscribe page').toEqual([]);
    await unsub.getByRole('button', { name: 'Ngừng nhận thư này' }).click();
    await unsub.getByText(/Đã ngừng gửi thư “Báo cáo bị trả lại”/).waitFor();
    await anonymous.close();
    const prefs = expectStatus(await officerApi.get('/me/notification-preferences'), 200);
    expect(prefs.unsubscribed).toEqual(['returned']);
  });
});
