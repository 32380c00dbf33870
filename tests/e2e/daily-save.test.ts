import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readPdf } from '@thidua/functions/kernel/pdf/read';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, useJourney } from '../support/journey';
import { act, attachSignedReport, fillPeriodicReport } from '../support/reports';
import type { WebServer } from '../support/web-server';

/**
 * Issue 15 in Chromium against the local platform: nothing typed is lost between the phone and the PC
 * (an invalid field in between), a conflicting edit is merged field by field, and a reviewer's comment on
 * a field comes back to the unit beside the field and is answered.
 */
const officer = 'canbo.tanphu@demo.thidua.vn';
const unitHead = 'truong.tanphu@demo.thidua.vn';
const districtReviewer = 'duyet.dongxoai@demo.thidua.vn';
const PHONE = { width: 360, height: 780 };

const journey = useJourney('daily', { timeoutMs: 15_000 });
const { signedIn } = journey;
let web: WebServer;
beforeAll(() => {
  ({ web } = journey.built());
});

const crimes = (p: Page) => p.getByLabel(/^Số vụ phạm tội hình sự phát hiện/);
const sessions = (p: Page) => p.getByLabel(/^Số buổi tuyên truyền/);
const attendance = (p: Page) => p.getByLabel(/^Số lượt người tham dự/);
const savedClean = (p: Page) => p.getByText(/^Đã lưu lúc \d\d:\d\d$/).waitFor({ timeout: 20_000 });

let id = '';
let phone: Page;
let pc: Page;

describe('daily work that never loses a keystroke', () => {
  it('phone → PC: an invalid field does not keep the rest on the phone; the PC finds everything typed', async () => {
    phone = await signedIn(officer, PHONE);
    await phone
      .getByRole('button', { name: /Bắt đầu nhập: Báo cáo kết quả phong trào.*Quý 1\/2023/ })
      .click();
    await phone.waitForURL(/\/submissions\//);
    id = phone.url().split('/submissions/')[1] ?? '';
    await crimes(phone).fill('mười hai');
    await sessions(phone).fill('12');
    // Saved to the server, the invalid figure kept and flagged (it used to stay on the phone).
    await phone.getByText(/1 ô chưa hợp lệ vẫn được giữ trên máy chủ/).waitFor({ timeout: 20_000 });
    await expect.poll(() => crimes(phone).getAttribute('aria-invalid')).toBe('true');

    // At the office: another browser, nothing of the phone's storage.
    pc = await signedIn(officer);
    await pc.goto(`${web.origin}/submissions/${id}`);
    await crimes(pc).waitFor();
    expect(await crimes(pc).inputValue()).toBe('mười hai');
    expect(await sessions(pc).inputValue()).toBe('12');
    await expect.poll(() => crimes(pc).getAttribute('aria-invalid')).toBe('true');
    await pc.screenshot({ path: join(SHOTS, 'daily-01-pc-finds-phone-input.png'), fullPage: true });
  });

  it('a conflicting edit is merged field by field, saying who saved the server copy; nothing is discarded', async () => {
    // The PC corrects the figure and adds the attendance; the phone, still on the older version, edits too.
    await crimes(pc).fill('12');
    await attendance(pc).fill('900');
    await savedClean(pc);
    await sessions(phone).fill('15');
    await crimes(phone).fill('13');
    const merge = phone.getByRole('alert').filter({ hasText: 'gộp từng ô' });
    await merge.waitFor({ timeout: 20_000 });
    // What really happened: the same person, from another device.
    await merge.getByText(/Chính bạn đã lưu một bản mới hơn từ thiết bị khác lúc/).waitFor();
    // One side only: merged by themselves, and listed.
    await merge.getByText(/Số buổi tuyên truyền.*lấy từ máy này/).waitFor();
    await merge.getByText(/Số lượt người tham dự.*lấy từ máy chủ/).waitFor();
    // Both sides: asked, side by side.
    const apply = merge.getByRole('button', { name: /Còn 1 ô chưa chọn/ });
    expect(await apply.isDisabled()).toBe(true);
    await merge.getByRole('radio', { name: /Số vụ phạm tội hình sự phát hiện.*: Máy này/ }).check();
    await phone.screenshot({ path: join(SHOTS, 'daily-02-merge-phone.png'), fullPage: true });
    await merge.getByRole('button', { name: 'Gộp và lưu' }).click();
    await savedClean(phone);
    expect(await crimes(phone).inputValue()).toBe('13');
    expect(await sessions(phone).inputValue()).toBe('15');
    expect(await attendance(phone).inputValue()).toBe('900');

    await pc.reload();
    await crimes(pc).waitFor();
    expect(await crimes(pc).inputValue()).toBe('13');
    expect(await sessions(pc).inputValue()).toBe('15');
    expect(await attendance(pc).inputValue()).toBe('900');
  });

  it("a reviewer's comment on a field comes back beside it and the unit answers it; the history keeps both", async () => {
    await fillPeriodicReport(pc, { crimes: '5' });
    await attachSignedReport(pc, 'bao-cao.pdf');
    await savedClean(pc);
    await pc.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await pc.getByText('Đã gửi báo cáo.').waitFor();
    const head = await signedIn(unitHead);
    await head.goto(`${web.origin}/submissions/${id}`);
    await act(head, 'Ký duyệt');
    await head.getByText('Đã ký duyệt.').waitFor();

    const district = await signedIn(districtReviewer);
    await district.goto(`${web.origin}/submissions/${id}`);
    const composer = district.getByRole('region', { name: 'Nhận xét vào ô' });
    await composer
      .getByLabel('Ô', { exact: true })
      .selectOption({ label: 'Số vụ phạm tội về ma túy phát hiện, bắt giữ' });
    await composer.getByLabel('Nội dung nhận xét').fill('Số vụ ma túy thấp hơn báo cáo của Công an phường.');
    await composer.getByRole('button', { name: 'Gửi' }).click();
    await district.getByText(/Nhận xét của cấp xét duyệt: 1/).waitFor();
    await act(district, 'Trả lại', 'Đề nghị xem lại các ô đã nhận xét.');
    await district.getByText('Đã trả lại hồ sơ cho đơn vị.').waitFor();

    await pc.reload();
    await pc.getByText(/Hồ sơ bị trả lại bởi Thành phố Đồng Xoài/).waitFor();
    // The list at the top links to the comment, which sits beside its field.
    const link = pc.getByRole('link', { name: /Số vụ phạm tội về ma túy.*thấp hơn báo cáo/ });
    await link.click();
    const beside = pc.getByRole('complementary', { name: 'Nhận xét về ô này' });
    await beside.getByText('Số vụ ma túy thấp hơn báo cáo của Công an phường.').waitFor();
    expect(await pc.evaluate(() => document.activeElement?.id.startsWith('cmt-'))).toBe(true);
    await beside.getByLabel('Trả lời nhận xét').fill('Đã đối chiếu: đúng 2 vụ, có biên bản kèm theo.');
    await beside.getByRole('button', { name: 'Gửi' }).click();
    await beside.getByText(/Đơn vị trả lời/).waitFor();
    await pc.screenshot({ path: join(SHOTS, 'daily-03-comment-answered.png'), fullPage: true });

    await pc.getByRole('tab', { name: /Lịch sử/ }).click();
    const history = pc.getByRole('list', { name: 'Lịch sử xử lý' });
    await history.getByText('Nhận xét vào ô').first().waitFor();
    await history.getByText('Trả lời nhận xét').first().waitFor();
    await history.getByText(/\[figures\.drugCases\] Đã đối chiếu/).waitFor();
  });

  it('the PDF of the report for the paper archive opens with the national header', async () => {
    await pc.goto(`${web.origin}/submissions/${id}`);
    const [download] = await Promise.all([
      pc.waitForEvent('download', { timeout: 60_000 }),
      pc.getByRole('button', { name: 'Tải PDF' }).click(),
    ]);
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const [first = []] = await readPdf(bytes);
    const text = first.map((l) => l.text).join('\n');
    // The national header (Decree 30/2020), then the unit and the report's period, as printed.
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text.indexOf('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toBeLessThan(text.indexOf('BÁO CÁO'));
    expect(text).toMatch(/tân phú/iu);
    expect(text).toMatch(/Kỳ báo cáo: .*2023/);
  });
});
