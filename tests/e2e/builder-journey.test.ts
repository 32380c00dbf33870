import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, useJourney } from '../support/journey';

/**
 * Issue 14's journey in Chromium against the production build and the local platform, twice: first in
 * Bình Phước's own tenant, then as the issue states it — in the MERGED province of Đồng Nai (December
 * 2026 world), copying Bình Phước's 2023 campaign, its inherited history, into a two-tier 2026 campaign.
 * Each time the secretariat builds a new monthly report form in the form builder — a computed clearance
 * rate and the rule "cleared ≤ detected" — and publishes it; copies the 2023 campaign with that form
 * filed monthly; a ward officer on a 360-px phone files it, is stopped by the rule's message on bad
 * figures, fixes them and sends; the province approves. Nothing is typed as JSON: every step is the
 * screens' own controls.
 */
const journey = useJourney('builder', { platform: { seedMerged: true } });
const { signedIn, noSeriousAxe } = journey;

/** The demo logins of the journey (README): the province's secretariat and reviewer, a ward's officer. */
const people = {
  secretariat: 'thuongtruc@demo.thidua.vn',
  wardOfficer: 'canbo.tanphu@demo.thidua.vn',
  provinceReviewer: 'duyet.tinh@demo.thidua.vn',
};
/** The merged province's logins (README, December 2026). */
const dongNai = {
  secretariat: 'thuongtruc.dongnai@demo.thidua.vn',
  admin: 'quantri.dongnai@demo.thidua.vn',
  wardOfficer: 'canbo.phuongbinhphuoc@demo.thidua.vn',
  provinceReviewer: 'duyet.dongnai@demo.thidua.vn',
};
const [PERIOD, FORM_TITLE, RULE_MESSAGE] = [
  'Tháng 11/2026',
  'Báo cáo tháng kết quả điều tra, khám phá tội phạm',
  'Số vụ đã khám phá không được lớn hơn số vụ phát hiện',
];

/** The settings of the field named `label` (opened with its "Sửa" button if closed). */
async function openField(page: Page, label: string) {
  const row = page.locator('li.builder-field').filter({ hasText: label }).first();
  const edit = row.getByRole('button', { name: `Sửa trường ${label}` });
  if (await edit.isVisible()) await edit.click();
  return page.locator('li.builder-field.is-open');
}

/** Adds a field of `type` to the first section and gives it `label`; returns its open settings. */
async function addField(page: Page, type: string, label: string) {
  await page.getByLabel('Loại trường mới').first().selectOption({ label: type });
  await page
    .getByRole('button', { name: /^Thêm trường vào phần/ })
    .first()
    .click();
  const open = page.locator('li.builder-field.is-open');
  await open.getByLabel(/^Nhãn \(câu hỏi\)/).fill(label);
  return open;
}

/**
 * In the form builder (the secretariat is signed in on `page`): the monthly report with its two figures,
 * the computed clearance rate, the rule with its message, reordered by keyboard, previewed at 360 px and
 * at desktop width, and published as version 1. Returns the new template's id.
 */
async function buildMonthlyReportForm(page: Page, shots: string): Promise<string> {
  await page.getByRole('link', { name: 'Thiết kế biểu mẫu' }).click();
  await page.getByRole('heading', { name: 'Thư viện biểu mẫu' }).waitFor();
  // The library holds the five 2023 forms, each a start point.
  await page
    .getByRole('button', { name: /^Sao chép/ })
    .nth(4)
    .waitFor();
  await noSeriousAxe(page, 'template library');

  await page.getByLabel('Tên biểu mẫu mới').fill(FORM_TITLE);
  await page.getByRole('button', { name: 'Tạo biểu mẫu mới' }).click();
  await page.waitForURL(/\/form-builder\/[a-z0-9-]+$/);
  const templateId = page.url().split('/form-builder/')[1] ?? '';
  expect(templateId).toMatch(/^bao-cao-thang-/);
  await page.getByRole('heading', { name: `Thiết kế biểu mẫu: ${FORM_TITLE}` }).waitFor();

  // The section, then the two figures (keys follow the Vietnamese labels).
  await page
    .getByLabel(/^Tên phần/)
    .first()
    .fill('Kết quả điều tra');
  await page
    .getByLabel(/^Khóa phần/)
    .first()
    .fill('ket_qua');
  const detected = await openField(page, 'Trường 1');
  await detected.getByLabel(/^Nhãn \(câu hỏi\)/).fill('Số vụ phát hiện');
  await detected.getByLabel('Bắt buộc').check();
  await detected.getByLabel('Giá trị nhỏ nhất').fill('0');
  expect(await detected.getByLabel(/^Khóa dữ liệu/).inputValue()).toBe('so_vu_phat_hien');
  const cleared = await addField(page, 'Số nguyên', 'Số vụ đã khám phá');
  await cleared.getByLabel('Bắt buộc').check();
  await cleared.getByLabel('Giá trị nhỏ nhất').fill('0');

  // The clearance rate: typed in the formula language, checked as it is typed.
  const rate = await addField(page, 'Trường tính toán', 'Tỷ lệ điều tra khám phá');
  const formula = rate.getByLabel('Công thức', { exact: true });
  await formula.fill('round(percent(ket_qua.so_vu_da_kham_pha, ket_qua.so_vu_phat_hie');
  await rate.getByText(/^Công thức lỗi/).waitFor();
  await formula.fill('round(percent(ket_qua.so_vu_da_kham_pha, ket_qua.so_vu_phat_hien), 0');
  await rate.getByText(/^Công thức lỗi ở ký tự \d+: Thiếu/).waitFor();
  await formula.fill('round(percent(ket_qua.so_vu_da_kham_pha, ), 0)');
  // The field picker inserts the reference at the caret.
  await formula.evaluate((el) => {
    const t = el as HTMLTextAreaElement;
    const at = t.value.indexOf(')');
    t.setSelectionRange(at, at);
  });
  await rate.getByLabel('Chèn trường vào công thức').selectOption('ket_qua.so_vu_phat_hien');
  await expect
    .poll(() => formula.inputValue(), { timeout: 10_000 })
    .toBe('round(percent(ket_qua.so_vu_da_kham_pha, ket_qua.so_vu_phat_hien), 0)');
  await rate.getByText('Công thức hợp lệ (cho ra một số).').waitFor();
  await rate.getByLabel('Đơn vị tính').fill('%');

  // The cross-field rule with the author's message.
  await page.getByRole('button', { name: 'Thêm quy tắc' }).click();
  await page
    .getByLabel('Quy tắc 1: điều phải đúng')
    .fill('ket_qua.so_vu_da_kham_pha <= ket_qua.so_vu_phat_hien');
  await page.getByLabel(/^Thông báo khi quy tắc 1 sai/).fill(RULE_MESSAGE);
  await page.getByText('Quy tắc hợp lệ (đúng hoặc sai).').waitFor();

  // Reorder by keyboard: the rate moves up and back down, each move announced.
  await page.getByRole('button', { name: 'Lên trường Tỷ lệ điều tra khám phá' }).click();
  await page.getByText(/Đã chuyển «Tỷ lệ điều tra khám phá» lên: vị trí 2 trên 3/).waitFor();
  await page.keyboard.press('Enter');
  await page.getByText(/Đã chuyển «Tỷ lệ điều tra khám phá» lên: vị trí 1 trên 3/).waitFor();
  await page.getByRole('button', { name: 'Xuống trường Tỷ lệ điều tra khám phá' }).click();
  await page.getByRole('button', { name: 'Xuống trường Tỷ lệ điều tra khám phá' }).click();
  await page.getByText(/vị trí 3 trên 3/).waitFor();

  // The live preview is the real form at 360 px: bad figures break the rule, good ones pass.
  const preview = page.getByTestId('builder-preview');
  expect(await preview.evaluate((el) => Math.round(el.getBoundingClientRect().width))).toBe(360);
  // Re-typing what a number field shows, over it: tabbed into (all of it selected), 1.250 stays 1.250
  // (it became 12.501,25 when the switch to the edited text 1250 dropped the selection).
  const detectedCount = preview.getByLabel(/^Số vụ phát hiện/);
  await detectedCount.fill('1250');
  await preview.getByLabel(/^Số vụ đã khám phá/).focus();
  expect(await detectedCount.inputValue()).toBe('1.250');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type('1.250');
  await page.keyboard.press('Tab');
  expect(await detectedCount.inputValue()).toBe('1.250');
  await detectedCount.fill('10');
  await preview.getByLabel(/^Số vụ đã khám phá/).fill('12');
  await page.getByRole('button', { name: 'Kiểm tra thử' }).click();
  await preview.getByText(RULE_MESSAGE).waitFor();
  await preview.getByLabel(/^Số vụ đã khám phá/).fill('7');
  await expect
    .poll(() => preview.locator('output').first().textContent(), { timeout: 10_000 })
    .toContain('70');
  await page.getByRole('button', { name: 'Kiểm tra thử' }).click();
  await page.getByText('Dữ liệu thử hợp lệ: báo cáo này gửi được.').waitFor();
  await page.getByRole('button', { name: 'Máy tính' }).click();
  expect(await preview.evaluate((el) => Math.round(el.getBoundingClientRect().width))).toBeGreaterThan(360);

  await page.getByText(/Đã lưu bản nháp lúc/).waitFor();
  await noSeriousAxe(page, 'form builder');
  await page.screenshot({ path: join(SHOTS, `${shots}-01-form.png`), fullPage: true });

  // Publication is confirmed, and the version appears in the list.
  await page.getByRole('button', { name: 'Công bố phiên bản 1' }).click();
  const dialog = page.getByRole('dialog', { name: 'Công bố phiên bản 1?' });
  await dialog.getByRole('button', { name: 'Công bố', exact: true }).click();
  await page.getByText('Đã công bố phiên bản 1.').waitFor();
  await page.getByText(`Phiên bản 1: ${FORM_TITLE}`).waitFor();
  return templateId;
}

/** In the campaign editor: the month among the campaign's periods, and the new form filed that month. */
async function addMonthlyForm(page: Page, templateId: string) {
  // The month the wards report, and the new form filed monthly (the template just published, version 1).
  await page.getByRole('group', { name: 'Hằng tháng' }).getByLabel(PERIOD, { exact: true }).check();
  await page.getByRole('button', { name: 'Thêm biểu mẫu' }).click();
  await page
    .getByRole('region', { name: /^Biểu mẫu form_\d+$/ })
    .getByLabel(/^Mã biểu mẫu trong phong trào/)
    .fill('bao_cao_thang');
  const form = page.getByRole('region', { name: 'Biểu mẫu bao_cao_thang' });
  await form.getByLabel(/^Mẫu biểu/).fill(templateId);
  await form
    .getByLabel(/^Phiên bản mẫu/)
    .locator('option', { hasText: /^1$/ })
    .waitFor({ state: 'attached' });
  const periods = form.getByRole('group', { name: /^Kỳ nộp biểu mẫu/ });
  await periods.getByLabel(PERIOD, { exact: true }).check();
  await periods.getByLabel('Năm 2026', { exact: true }).uncheck();
}

/** Publication, confirmed with a note; the campaign's versions page then shows version 1. */
async function publishFirstVersion(page: Page, campaignId: string, note: string) {
  await page.getByRole('button', { name: 'Ban hành', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Ban hành phiên bản 1?' });
  await dialog.getByLabel(/^Ghi chú thay đổi/).fill(note);
  await dialog.getByRole('button', { name: 'Xác nhận ban hành' }).click();
  await page.waitForURL(new RegExp(`/campaign-builder/${campaignId}/versions$`));
  await page.getByRole('heading', { name: 'Phiên bản 1' }).waitFor();
}

/**
 * A ward officer on a 360-px phone (`phone`) files the monthly report: stopped by the rule's message on
 * bad figures, sees the rate computed as typed, sends, and the report waits at `province`.
 */
async function fileMonthlyReport(phone: Page, province: string, shots: string) {
  await phone.getByRole('button', { name: `Bắt đầu nhập: ${FORM_TITLE}, ${PERIOD}` }).click();
  await phone.waitForURL(/\/submissions\//);
  await phone.getByRole('heading', { name: FORM_TITLE }).waitFor();
  await phone.getByLabel(/^Số vụ phát hiện/).fill('10');
  await phone.getByLabel(/^Số vụ đã khám phá/).fill('12');
  await phone.getByRole('button', { name: 'Gửi báo cáo' }).click();
  // The author's message, at the first field the rule reads, and in the summary.
  await phone.getByRole('alert').filter({ hasText: RULE_MESSAGE }).waitFor();
  expect(await phone.getByText('Đã gửi báo cáo.').count()).toBe(0);
  await phone.getByLabel(/^Số vụ đã khám phá/).fill('7');
  // The clearance rate, computed as typed: 7 / 10 × 100.
  await expect.poll(() => phone.locator('output').first().textContent(), { timeout: 10_000 }).toContain('70');
  await phone.getByText(/Đã lưu lúc/).waitFor();
  const { scroll, width } = await phone.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(width);
  await noSeriousAxe(phone, 'monthly report (phone)');
  await phone.screenshot({ path: join(SHOTS, `${shots}-02-ward-phone.png`), fullPage: true });
  await phone.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await phone.getByText('Đã gửi báo cáo.').waitFor();
  await phone.reload();
  await phone
    .getByText(new RegExp(`Đang xét duyệt · ${province}`))
    .first()
    .waitFor();
}

/**
 * The province's reviewer (signed in on `province`) opens the ward's report from the inbox — filtered to
 * the campaign of `plan` when the province runs several — and approves it.
 */
async function approveFromInbox(province: Page, ward: string, plan?: string) {
  const origin = journey.built().web.origin;
  await province.goto(`${origin}/inbox`);
  if (plan) {
    const campaign = province.getByLabel('Phong trào (kế hoạch)');
    const option = campaign.locator('option', { hasText: plan });
    await campaign.selectOption((await option.getAttribute('value')) ?? '');
  }
  await province.getByRole('link', { name: ward }).first().click();
  await province.waitForURL(/\/submissions\//);
  await province.getByRole('heading', { name: FORM_TITLE }).waitFor();
  await province.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
  const dialog = province.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
  await province.getByText('Đã phê duyệt.').waitFor();
  await province.reload();
  await province.getByText('Hồ sơ đã được phê duyệt chính thức.').waitFor();
}

let templateId = '';

describe('the secretariat sets up a monthly report without a developer', () => {
  it('builds the form with a clearance rate and a rule, previews it at 360 px, and publishes it', async () => {
    const page = await signedIn(people.secretariat);
    templateId = await buildMonthlyReportForm(page, 'builder');

    // The builder itself works on a 360-px phone: nothing wider than the screen, the preview below.
    const phone = await signedIn(people.secretariat, { width: 360, height: 780 });
    await phone.goto(page.url());
    await phone.getByRole('button', { name: 'Sửa trường Tỷ lệ điều tra khám phá' }).click();
    await phone.getByLabel('Công thức', { exact: true }).waitFor();
    await phone.getByRole('heading', { name: 'Xem trước' }).waitFor();
    const { scroll, width } = await phone.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      width: window.innerWidth,
    }));
    expect(scroll, `the builder is ${scroll}px wide on a ${width}px screen`).toBeLessThanOrEqual(width);
    await phone.screenshot({ path: join(SHOTS, 'builder-00-phone.png'), fullPage: true });
  });

  it('copies the 2023 campaign into a two-tier 2026 campaign with the new form monthly, and publishes it', async () => {
    const page = await signedIn(people.secretariat);
    const origin = journey.built().web.origin;
    await page.goto(`${origin}/campaign-builder`);
    await page.getByRole('heading', { name: 'Thiết lập phong trào thi đua' }).waitFor();
    await page.getByLabel(/^Năm của phong trào mới/).fill('2026');
    await page.getByRole('button', { name: 'Sao chép' }).click();
    await page.waitForURL(/\/campaign-builder\/kh38-2026$/);
    await page.getByLabel(/^Số, ký hiệu kế hoạch/).fill('15/KH-UBND');
    await page.getByLabel(/^Ngày ban hành kế hoạch/).fill('2026-01-20');

    await addMonthlyForm(page, templateId);

    // Two tiers: a ward reports straight to the province (the district level is gone).
    await page
      .getByLabel(/^Tên luồng duyệt/)
      .first()
      .fill('Hai cấp: xã → tỉnh (2026)');
    await page
      .getByRole('button', { name: /^Xoá Cấp duyệt 1: Cấp huyện/ })
      .first()
      .click();
    await page
      .getByLabel('Báo cáo phải được thủ trưởng đơn vị ký duyệt trước khi gửi lên cấp trên')
      .uncheck();
    await page.getByText(/Đã lưu bản nháp lúc/).waitFor();

    await publishFirstVersion(page, 'kh38-2026', 'Năm 2026, hai cấp, thêm báo cáo tháng');
  });

  it('a ward officer on a 360-px phone files it, is stopped by the rule on bad figures, fixes and sends', async () => {
    const phone = await signedIn(people.wardOfficer, { width: 360, height: 780 });
    await fileMonthlyReport(phone, 'Tỉnh Bình Phước', 'builder');
  });

  it('the province approves it', async () => {
    const province = await signedIn(people.provinceReviewer);
    await approveFromInbox(province, 'Phường Tân Phú');
  });
});

describe('the journey as the issue states it: in the merged province of Đồng Nai', () => {
  let mergedTemplateId = '';

  it('opens both builders to the administrator too, as the policy decides (the menu follows it)', async () => {
    const admin = await signedIn(dongNai.admin);
    await admin.getByRole('link', { name: 'Thiết kế biểu mẫu' }).waitFor();
    await admin.getByRole('link', { name: 'Thiết lập phong trào' }).waitFor();
    const reviewer = await signedIn(dongNai.provinceReviewer);
    await reviewer.getByRole('link', { name: 'Hồ sơ cần duyệt' }).first().waitFor();
    expect(await reviewer.getByRole('link', { name: 'Thiết kế biểu mẫu' }).count()).toBe(0);
  });

  it("the Đồng Nai secretariat builds the monthly form and copies Bình Phước's 2023 campaign onto the two-tier tree", async () => {
    const page = await signedIn(dongNai.secretariat);
    mergedTemplateId = await buildMonthlyReportForm(page, 'builder-dong-nai');

    const origin = journey.built().web.origin;
    await page.goto(`${origin}/campaign-builder`);
    await page.getByRole('heading', { name: 'Thiết lập phong trào thi đua' }).waitFor();
    // Bình Phước's campaigns are offered as the merged province's inherited history.
    const source = page.getByLabel(/^Phong trào nguồn/);
    const inherited = source.locator('option', { hasText: '38/KH-UBND, Tỉnh Bình Phước' });
    await source.selectOption((await inherited.getAttribute('value')) ?? '');
    await page.getByText(/^Phong trào của tỉnh đã hợp nhất/).waitFor();
    await page.getByLabel(/^Năm của phong trào mới/).fill('2026');
    expect(await page.getByLabel(/^Mã phong trào mới/).inputValue()).toBe('kh38-2026');
    await page.getByRole('button', { name: 'Sao chép' }).click();
    await page.waitForURL(/\/campaign-builder\/kh38-2026$/);

    // What could not be carried is listed for the secretariat, each a link to its field.
    const carried = page.getByRole('region', { name: 'Chuyển từ Tỉnh Bình Phước sang tỉnh hợp nhất' });
    await carried
      .getByRole('link', { name: /^Loại đơn vị "Cấp huyện" không còn/ })
      .first()
      .waitFor();
    await carried.getByRole('link', { name: /^Cơ quan ban hành năm 2023/ }).click();
    const issuer = page.getByLabel(/^Cơ quan ban hành/);
    await expect.poll(() => issuer.evaluate((el) => el === document.activeElement)).toBe(true);
    await issuer.fill('Ủy ban nhân dân tỉnh Đồng Nai');
    await page.getByLabel(/^Số, ký hiệu kế hoạch/).fill('12/KH-UBND');
    await page.getByLabel(/^Ngày ban hành kế hoạch/).fill('2026-01-15');
    await addMonthlyForm(page, mergedTemplateId);

    // The chain came from Đồng Nai's tree: no district level to remove, a ward reports to the province.
    expect(await page.getByRole('button', { name: /^Xoá Cấp duyệt \d+: Cấp huyện/ }).count()).toBe(0);
    await page
      .getByLabel('Báo cáo phải được thủ trưởng đơn vị ký duyệt trước khi gửi lên cấp trên')
      .uncheck();
    await page.getByText(/Đã lưu bản nháp lúc/).waitFor();
    await noSeriousAxe(page, 'campaign copied across the merger');
    await page.screenshot({ path: join(SHOTS, 'builder-dong-nai-03-campaign.png'), fullPage: true });
    await publishFirstVersion(page, 'kh38-2026', 'Năm 2026 của tỉnh hợp nhất, hai cấp, thêm báo cáo tháng');
  });

  it('a ward officer of the merged province files it on a 360-px phone and finds the contact in help', async () => {
    const phone = await signedIn(dongNai.wardOfficer, { width: 360, height: 780 });
    await fileMonthlyReport(phone, 'Tỉnh Đồng Nai', 'builder-dong-nai');
    // Help shows the merged province's own secretariat contact (issue 15, point 10).
    await phone.goto(`${journey.built().web.origin}/help`);
    const contact = phone.getByRole('region', { name: 'Liên hệ cơ quan thường trực' });
    await contact.getByText(/Công an tỉnh Đồng Nai/).waitFor();
    await contact.getByRole('link', { name: '0251 3822 138' }).waitFor();
  });

  it('the province of Đồng Nai approves it', async () => {
    const province = await signedIn(dongNai.provinceReviewer);
    // Đồng Nai also runs its seeded 2026 campaign (45/KH-UBND): the new one is picked in the filter.
    await approveFromInbox(province, 'Phường Bình Phước', '12/KH-UBND');
  });
});
