import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  act,
  addReportCampaign,
  createReport,
  expectStatus,
  manyPeriods,
  REPORT_TEMPLATE,
  testTemplateBody,
} from '../integration/api-world';
import { SHOTS, useJourney } from '../support/journey';
import { apiAs } from '../support/platform';

/**
 * A bulk approval of ten reports in the browser (issue 15): the district reviewer filters the inbox by
 * state and unit together, sees the total, selects the page, confirms "Duyệt 10 hồ sơ" and reads the
 * summary; the ten reports wait at the province.
 */
const journey = useJourney('inbox-bulk', { timeoutMs: 20_000 });
const CAMPAIGN = 'bulk-journey';
const periods = manyPeriods(2026, 2);

describe('bulk approval from the inbox', () => {
  it('ten reports approved in one go, with a confirmation and a summary', async () => {
    const { platform, web } = journey.built();
    const admin = await apiAs(platform, 'quantri@demo.thidua.vn');
    expectStatus(await admin.post(`/admin/templates/${REPORT_TEMPLATE}/versions`, testTemplateBody), 201);
    await addReportCampaign(admin, CAMPAIGN, { number: '96/KH-TEST', periods });
    const officer = await apiAs(platform, 'canbo.tanphu@demo.thidua.vn');
    for (const p of periods.slice(0, 10)) {
      await act(officer, await createReport(officer, p, undefined, CAMPAIGN), { type: 'submit' });
    }

    const page = await journey.signedIn('duyet.dongxoai@demo.thidua.vn');
    // State and unit together (the filter that used to say "Không dùng cùng bộ lọc tình trạng").
    await page.goto(`${web.origin}/inbox?campaign=${CAMPAIGN}&status=under_review&unit=dong-xoai-tan-phu`);
    await page.getByText('Tổng: 10 hồ sơ').waitFor();
    await page.getByLabel('Chọn cả trang').check();
    await page.getByText('Đã chọn 10 hồ sơ').waitFor();
    await page.getByRole('button', { name: 'Duyệt các hồ sơ đã chọn' }).click();
    const dialog = page.getByRole('dialog', { name: 'Duyệt 10 hồ sơ?' });
    await dialog.getByText(/Không hoàn tác được/).waitFor();
    await journey.noSeriousAxe(page, 'bulk confirmation');
    await page.screenshot({ path: join(SHOTS, 'inbox-bulk-confirm.png'), fullPage: true });
    await dialog.getByRole('button', { name: 'Duyệt 10 hồ sơ' }).click();
    await page.getByText('Đã duyệt 10/10 hồ sơ').waitFor();
    await page.getByText('Tổng: 0 hồ sơ').waitFor();
    await page.screenshot({ path: join(SHOTS, 'inbox-bulk-summary.png'), fullPage: true });

    const province = await apiAs(platform, 'duyet.tinh@demo.thidua.vn');
    const waiting = expectStatus(await province.get(`/submissions?scope=inbox&campaignId=${CAMPAIGN}`), 200);
    expect(waiting.total).toBe(10);
  });
});
