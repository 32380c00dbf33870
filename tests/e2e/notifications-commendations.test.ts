import { describe, expect, it } from 'vitest';
import { expectStatus, logins } from '../integration/api-world';
import {
  addCommendationCampaign,
  COMMEND_CAMPAIGN,
  fileNomination,
} from '../integration/commendations-world';
import * as browserSupport from '../support/browser';
import { apiAs } from '../support/platform';

/**
 * A commendation notice leads to its item (issue 16): the district sends a tờ trình → the province
 * reviewer's bell counts it → the notice opens the province's batch page on that campaign, at that tờ
 * trình, where it is decided. The e-mail with the same link is in the local capture.
 */
const { signInThroughPage, useBuiltWeb } = browserSupport;
const e2e = useBuiltWeb();

describe('commendation notifications', () => {
  it('a tờ trình sent to the province: the bell counts it, the notice opens the batch page at it', async () => {
    const { platform, web } = e2e.built;
    await addCommendationCampaign(await apiAs(platform, logins.admin));
    const commune = await apiAs(platform, logins.communeSubmitter);
    const district = await apiAs(platform, logins.districtReviewer);
    const nomination = await fileNomination(commune, {
      kind: 'collective',
      name: 'Công an phường Tân Phú',
      awardTypeId: 'bang_khen_chu_tich_ubnd_tinh',
    });
    const created = expectStatus(
      await district.post('/commendations/batches', {
        campaignId: COMMEND_CAMPAIGN,
        nominationIds: [nomination],
        reference: '21/TTr-UBND',
      }),
      201,
    );
    const batch = created.batch as { id: string; version: number };
    expectStatus(
      await district.post(`/commendations/batches/${batch.id}/submit`, { expectedVersion: batch.version }),
      200,
    );
    const mail = await platform.mail.waitFor(
      (m) => m.to.includes(logins.provinceReviewer) && m.subject.includes('Tờ trình chờ tỉnh xét'),
    );
    const link = `/commendations/batches?campaign=${COMMEND_CAMPAIGN}#batch-${batch.id}`;
    expect(mail.text).toContain(link);
    await platform.streams.drain();

    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${web.origin}/sign-in`);
    await signInThroughPage(page, logins.provinceReviewer);
    const count = page.getByTestId('notification-count');
    await count.waitFor();
    expect(await count.textContent()).toBe('1');
    await page.getByTestId('notification-bell').click();
    await page.getByRole('heading', { name: 'Thông báo', level: 1 }).waitFor();
    await page.getByRole('link', { name: /Tờ trình số 21\/TTr-UBND của Thành phố Đồng Xoài/ }).click();
    await page.waitForURL((url) => url.pathname === '/commendations/batches');
    const url = new URL(page.url());
    expect(`${url.pathname}${url.search}${url.hash}`).toBe(link);
    // The page chose the notice's campaign and opened at its tờ trình, ready to decide.
    const item = page.locator(`#batch-${batch.id}`);
    await page.locator(`#batch-${batch.id}[data-anchored="true"]`).waitFor();
    expect(await item.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await item.getByRole('heading', { level: 2 }).textContent()).toContain('21/TTr-UBND');
    await item.getByRole('button', { name: 'Duyệt tờ trình' }).waitFor();
    await context.close();
  });
});
