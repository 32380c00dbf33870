import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { docxText } from '@thidua/functions/features/commendations/documents/read-office';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signOnPaper } from '../integration/commendations-world';
import { SHOTS, useJourney } from '../support/journey';
import { apiAs, DEMO_TENANT } from '../support/platform';

/**
 * The commendation journey in Chromium against the real local platform, from a production build: a
 * commune's nomination → the district's tờ trình → the province's approval → public disclosure with one
 * comment from someone who is not signed in → a council session where three members vote by secret
 * ballot → the chair signs → the decision is on the public page and its DOCX downloads.
 */

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const NOMINEE = 'Công an phường Tân Phú';
const AWARD = 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh';

const journey = useJourney('commendations', { downloads: true, logApiErrors: true });
const { signedIn, noSeriousAxe: axe } = journey;
const newPage = journey.page;
const origin = () => journey.built().web.origin;

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const attach = (page: Page, label: RegExp, name: string) =>
  page.getByLabel(label).setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });

// This journey is the paper-original path, chosen explicitly by the province (ADR 0032); the digital one
// is tests/e2e/decision-signing.test.ts.
beforeAll(async () => {
  await signOnPaper(await apiAs(journey.built().platform, 'quantri@demo.thidua.vn'));
});

describe('commendations journey', () => {
  it('nomination → tờ trình → province → disclosure with a comment → secret ballot → signed decision, public with its DOCX', async () => {
    // 1. The commune officer files the nomination through the generic form pages.
    const officer = await signedIn('canbo.tanphu@demo.thidua.vn', { width: 360, height: 780 });
    await officer.getByRole('button', { name: /Bắt đầu nhập: Hồ sơ đề nghị khen thưởng/ }).click();
    await officer.waitForURL(/\/submissions\//);
    await officer.getByLabel(/^Đề nghị khen thưởng cho/).selectOption({ label: 'Tập thể' });
    await officer.getByLabel(/^Tên tập thể/).fill(NOMINEE);
    await officer.getByLabel(/^Đơn vị công tác/).fill('Phường Tân Phú');
    await officer.getByLabel(/^Hình thức khen thưởng đề nghị/).selectOption({ label: AWARD });
    await officer
      .getByLabel(/^Tóm tắt thành tích/)
      .fill(
        'Năm 2023 Công an phường đã phát hiện, làm rõ nhiều vụ việc, tổ chức 24 buổi tuyên truyền và xây dựng hai mô hình điển hình về phòng, chống tội phạm.',
      );
    await attach(officer, /^Tờ trình đề nghị khen thưởng/, 'to-trinh.pdf');
    await officer.getByRole('button', { name: 'to-trinh.pdf', exact: true }).waitFor();
    await attach(officer, /^Báo cáo thành tích/, 'bao-cao-thanh-tich.pdf');
    await officer.getByRole('button', { name: 'bao-cao-thanh-tich.pdf', exact: true }).waitFor();
    await attach(officer, /^Biên bản họp xét khen thưởng/, 'bien-ban.pdf');
    await officer.getByRole('button', { name: 'bien-ban.pdf', exact: true }).waitFor();
    await officer.getByLabel(/^Ngày họp/).fill('05/12/2023');
    await officer.getByLabel(/^Tổng số thành viên/).fill('9');
    await officer.getByLabel(/^Số thành viên có mặt/).fill('9');
    await officer.getByLabel(/^Số phiếu đồng ý/).fill('9');
    await officer.getByLabel(/^Số phiếu không đồng ý/).fill('0');
    await officer.getByText(/Đã lưu lúc \d\d:\d\d/).waitFor();
    await shot(officer, 'c01-nomination-phone');
    await officer.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await officer
      .getByText('Đã gửi báo cáo.')
      .waitFor()
      .catch(async (e: unknown) => {
        await shot(officer, 'c01-submit-failed');
        const errors = await officer.locator('.field-error, [role=alert]').allInnerTexts();
        throw new Error(`submit failed: ${errors.join(' | ')}`, { cause: e });
      });
    // The demo campaign requires the unit head's sign-off before the nomination leaves the commune.
    const head = await signedIn('truong.tanphu@demo.thidua.vn');
    await head.goto(officer.url());
    await head.getByRole('button', { name: 'Ký duyệt', exact: true }).click();
    await head.getByRole('dialog').getByRole('button', { name: 'Ký duyệt', exact: true }).click();
    await head.getByText('Đã ký duyệt.').waitFor();

    // A commune proposes as many nominees as it likes: "Thêm đề nghị" opens another draft of the same
    // form and period beside the first; the home page then lists both and offers one more.
    const firstUrl = officer.url();
    await officer.getByRole('button', { name: /^Thêm đề nghị: Hồ sơ đề nghị khen thưởng/ }).click();
    await officer.waitForURL((u) => u.href !== firstUrl && u.pathname.startsWith('/submissions/'));
    await officer.getByLabel(/^Đề nghị khen thưởng cho/).waitFor();
    await officer.goto(`${origin()}/`);
    await officer.getByRole('button', { name: /^Thêm đề nghị: Hồ sơ đề nghị khen thưởng/ }).waitFor();
    expect(
      await officer.getByRole('link', { name: /^(Tiếp tục|Xem): Hồ sơ đề nghị khen thưởng/ }).count(),
    ).toBe(2);
    await shot(officer, 'c01-two-nominations-phone');

    // 2. The district consolidates it into its tờ trình and sends it to the province.
    const district = await signedIn('duyet.dongxoai@demo.thidua.vn');
    await district.goto(`${origin()}/commendations/consolidate`);
    await district.getByRole('heading', { name: 'Tổng hợp đề nghị khen thưởng' }).waitFor();
    await district.getByRole('checkbox', { name: /Phường Tân Phú/ }).check();
    await district.getByLabel('Số tờ trình (nếu có)').fill('45/TTr-UBND');
    await district.getByRole('button', { name: 'Lập tờ trình' }).click();
    await district.getByText('Không có vi phạm').waitFor();
    await axe(district, 'consolidation');
    await shot(district, 'c02-district-consolidation');
    await district.getByRole('button', { name: 'Gửi tờ trình lên tỉnh' }).click();
    await district.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await district.getByText('Đã gửi tỉnh').waitFor();

    // 3. The province approves the tờ trình as a whole.
    const province = await signedIn('duyet.tinh@demo.thidua.vn');
    await province.goto(`${origin()}/commendations/batches`);
    await province.getByRole('heading', { name: /Thành phố Đồng Xoài/ }).waitFor();
    await shot(province, 'c03-province-batches');
    await province.getByRole('button', { name: 'Duyệt tờ trình' }).click();
    await province.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await province.getByText('Chưa có dữ liệu.').waitFor();

    // 4. The secretariat opens the public disclosure.
    const sec = await signedIn('thuongtruc@demo.thidua.vn');
    await sec.goto(`${origin()}/commendations/disclosures`);
    await sec.getByRole('checkbox', { name: new RegExp(NOMINEE) }).check();
    await sec.getByRole('button', { name: 'Công khai danh sách' }).click();
    await sec.getByText('Đang công khai').waitFor();
    await axe(sec, 'disclosures');

    // 5. Anyone, without signing in, reads the list and sends one comment.
    const citizen = await newPage('citizen', { width: 360, height: 780 });
    await citizen.goto(`${origin()}/public/${DEMO_TENANT}/disclosures`);
    await citizen.getByRole('heading', { name: 'Danh sách đề nghị khen thưởng', exact: true }).waitFor();
    await citizen.getByText(NOMINEE).first().waitFor();
    await citizen.getByLabel('Về trường hợp').selectOption({ label: `${NOMINEE} (Phường Tân Phú)` });
    await citizen
      .getByLabel(/^Nội dung ý kiến/)
      .fill('Công an phường Tân Phú giải quyết vụ việc rất nhanh, tôi đồng ý đề nghị khen thưởng.');
    await citizen.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await citizen.getByText('Đã nhận ý kiến của bạn. Xin cảm ơn.').waitFor();
    await axe(citizen, 'public disclosure');
    await shot(citizen, 'c04-public-disclosure-phone');

    // 6. The secretariat reads the comment, ends the window (recorded with its reason) and opens the session.
    await sec.reload();
    await sec.getByRole('button', { name: 'Ý kiến nhận được (1)' }).click();
    await sec.getByText(/giải quyết vụ việc rất nhanh/).waitFor();
    await sec.getByRole('button', { name: 'Kết thúc công khai sớm' }).click();
    await sec
      .getByRole('dialog')
      .getByLabel(/Lý do/)
      .fill('Hội đồng họp theo lịch của tỉnh (thử nghiệm đầu cuối).');
    await sec
      .getByRole('dialog')
      .getByLabel(/Người quyết định/)
      .fill('Huỳnh Văn Quang, Chủ tịch UBND tỉnh');
    await sec
      .getByRole('dialog')
      .getByLabel(/Văn bản quyết định/)
      .fill('Công văn số 01/UBND-NC ngày 10/12/2023');
    await sec.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await sec.getByText('Đã kết thúc').waitFor();
    await sec.goto(`${origin()}/commendations/council`);
    await sec.getByRole('checkbox', { name: new RegExp(NOMINEE) }).check();
    await sec.getByLabel('Người chủ trì').fill('Huỳnh Văn Quang');
    await sec.getByRole('button', { name: 'Mở phiên họp' }).click();
    await sec.getByText('Số phiếu đã nhận: 0/3').waitFor();
    await shot(sec, 'c05-council-open');

    // 7. Three members vote by secret ballot; each then sees only "Đã bỏ phiếu".
    const choices = ['Đồng ý', 'Đồng ý', 'Không đồng ý'];
    for (const [i, email] of [
      'hoidong1@demo.thidua.vn',
      'hoidong2@demo.thidua.vn',
      'hoidong3@demo.thidua.vn',
    ].entries()) {
      const member = await signedIn(email);
      await member.goto(`${origin()}/commendations/vote`);
      await member.getByRole('heading', { name: 'Bỏ phiếu kín' }).waitFor();
      await member.getByRole('radio', { name: choices[i] ?? 'Đồng ý', exact: true }).check();
      if (i === 0) await axe(member, 'ballot');
      await member.getByRole('button', { name: 'Bỏ phiếu' }).click();
      await member.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
      await member.getByText('Đã bỏ phiếu', { exact: true }).waitFor();
      expect(await member.getByRole('radio').count()).toBe(0);
      const html = await member.content();
      expect(html).not.toContain('Không đồng ý</label>');
      if (i === 2) await shot(member, 'c06-member-voted');
    }

    // 8. The secretariat closes the vote: tallies, frozen results, minutes.
    await sec.reload();
    await sec.getByText('Số phiếu đã nhận: 3/3').waitFor();
    await sec.getByRole('button', { name: 'Kết thúc bỏ phiếu và kiểm phiếu' }).click();
    await sec.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await sec.getByRole('button', { name: 'Tải biên bản (DOCX)' }).waitFor();
    await sec.getByText('Đạt', { exact: true }).waitFor();

    // 9. The chair signs: number and date come from the server.
    const chair = await signedIn('chutich@demo.thidua.vn');
    await chair.goto(`${origin()}/commendations/sign`);
    await chair.getByRole('button', { name: 'Ký quyết định' }).click();
    await chair.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await chair.getByText(/Đã ký Quyết định số 01\/QĐ-UBND/).waitFor();
    await axe(chair, 'sign');
    await shot(chair, 'c07-chair-signed');

    // 10. The decision is on the public page, and its DOCX downloads.
    const reader = await newPage('reader');
    await reader.goto(`${origin()}/public/${DEMO_TENANT}/decisions`);
    await reader.getByRole('heading', { name: /Quyết định số 01\/QĐ-UBND/ }).waitFor();
    await reader.getByText(NOMINEE).first().waitFor();
    await axe(reader, 'public decisions');
    await shot(reader, 'c08-public-decision');
    const [download] = await Promise.all([
      reader.waitForEvent('download'),
      reader.getByRole('link', { name: 'Tải quyết định (DOCX)' }).click(),
    ]);
    const file = join(journey.downloadsDir(), 'quyet-dinh.docx');
    await download.saveAs(file);
    const text = docxText(new Uint8Array(await readFile(file)));
    expect(text).toContain('Số: 01/QĐ-UBND');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain(NOMINEE);
    expect(text).toContain('Huỳnh Văn Quang');

    // 11. The commune is told.
    await officer.goto(`${origin()}/commendations/notifications`);
    await officer
      .getByText(/Quyết định số 01\/QĐ-UBND/)
      .waitFor()
      .catch(async (e: unknown) => {
        await shot(officer, 'c09-notifications-failed');
        throw e;
      });
    await axe(officer, 'notifications (phone)');
  });

  it('the search box on every page finds the nominee (typed without accents) and the decision by number', async () => {
    const reviewer = await signedIn('duyet.dongxoai@demo.thidua.vn');
    const box = reviewer.getByRole('searchbox', { name: 'Tìm kiếm' });
    await box.fill('cong an phuong tan phu');
    await box.press('Enter');
    await reviewer.waitForURL(/\/search\?q=/);
    const nominees = reviewer.getByRole('region', { name: 'Người, tập thể được đề nghị khen thưởng' });
    await nominees.getByRole('link', { name: NOMINEE }).first().click();
    await reviewer.waitForURL(/\/submissions\//);
    await reviewer.getByText(NOMINEE).first().waitFor();

    // From the submission page (the box is in the header of every page): the decision by its number.
    await box.fill('01/QĐ-UBND');
    await box.press('Enter');
    const decisions = reviewer.getByRole('region', { name: 'Quyết định khen thưởng' });
    await decisions.getByRole('link', { name: 'Quyết định số 01/QĐ-UBND' }).waitFor();
    await axe(reviewer, 'search results');
    await shot(reviewer, 'c10-search');
    await decisions.getByRole('link', { name: 'Quyết định số 01/QĐ-UBND' }).click();
    await reviewer.getByRole('heading', { name: /Quyết định số 01\/QĐ-UBND/ }).waitFor();
  });
});
