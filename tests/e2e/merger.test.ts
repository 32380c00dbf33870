import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations, seriousViolations } from '../support/browser';
import { SHOTS, useJourney } from '../support/journey';
import { createProvince } from '../support/provinces';

/**
 * The merger in the browser (issue 13, point 7): on the December 2026 demo world, the officer of Phường
 * Bình Phước — a ward of the merged province of Đồng Nai, successor of Bình Phước's Phường Tân Phú — opens
 * the predecessor history, sees Tân Phú's approved 2023 report and its award under decision 01/QĐ-UBND,
 * and opens the report: its origin, its contents and its audit trail verified. An officer of another ward
 * sees none of it. On a 360-px phone too, axe clean.
 */
const journey = useJourney('merger', { platform: { seedMerged: true } });
const signedIn = journey.signedIn;

describe('the successor ward reads its predecessor’s history', () => {
  it("shows Phường Tân Phú's approved 2023 report and award to the officer of Phường Bình Phước", async () => {
    const page = await signedIn('canbo.phuongbinhphuoc@demo.thidua.vn');
    await page.getByRole('link', { name: 'Lịch sử đơn vị tiền thân' }).first().click();
    await page.waitForURL((u) => u.pathname === '/history');
    await page.getByRole('heading', { name: 'Lịch sử kế thừa của Phường Bình Phước' }).waitFor();
    const tanPhu = page.getByRole('region', { name: 'Phường Tân Phú — Tỉnh Bình Phước' });
    await tanPhu.waitFor();
    const text = (await tanPhu.textContent()) ?? '';
    expect(text).toContain('hợp nhất vào Phường Bình Phước từ ngày 01/07/2025');
    expect(text).toContain('Báo cáo kết quả');
    expect(text).toContain('Đã phê duyệt');
    expect(text).toContain('Số 01/QĐ-UBND ngày 20/12/2023');
    expect(text).toContain('Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh');
    expect(text).toContain('Công an phường Tân Phú');
    expect(text).toContain('Trần Văn Hùng');
    expect(await page.getByText(/Liên kết hợp nhất toàn vẹn/).count()).toBe(1);
    expect(seriousViolations(await axeViolations(page))).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'merger-history.png'), fullPage: true });

    await tanPhu.getByRole('link', { name: 'Xem báo cáo' }).click();
    await page.waitForURL((u) => u.pathname.startsWith('/history/binh-phuoc/'));
    await page.getByText('Nhật ký toàn vẹn: 6 sự kiện').waitFor();
    const report = (await page.locator('main').textContent()) ?? '';
    expect(report).toContain(
      'Báo cáo của Phường Tân Phú (Tỉnh Bình Phước), nay do Phường Bình Phước kế thừa',
    );
    expect(report).toContain('Thành phố Đồng Xoài → Tỉnh Bình Phước');
    expect(report).toContain('14');
    expect(seriousViolations(await axeViolations(page))).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'merger-report.png'), fullPage: true });
  });

  it('on a 360-px phone, and not for the officer of another ward', async () => {
    const phone = await signedIn('canbo.phuongbinhphuoc@demo.thidua.vn', { width: 360, height: 780 });
    await phone.goto(`${journey.built().web.origin}/history`);
    await phone.getByRole('region', { name: 'Phường Tân Phú — Tỉnh Bình Phước' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(seriousViolations(await axeViolations(phone))).toEqual([]);

    const other = await signedIn('canbo.phuongdongxoai@demo.thidua.vn');
    await other.goto(`${journey.built().web.origin}/history`);
    await other.getByRole('heading', { name: 'Lịch sử kế thừa của Phường Đồng Xoài' }).waitFor();
    await other.getByRole('region', { name: 'Phường Tiến Thành — Tỉnh Bình Phước' }).waitFor();
    expect(await other.getByText('Phường Tân Phú').count()).toBe(0);
  });
});

describe('the merge screen', () => {
  it('lets the merged province take in a consenting province: unit map on screen, typed confirmation', async () => {
    await createProvince(journey.built().platform, {
      tenantId: 'thu-nghiem',
      name: 'Tỉnh Thử Nghiệm',
      communeId: 'xa-thu-nghiem',
      communeName: 'Xã Thử Nghiệm',
      admin: 'quantri@thunghiem.thidua.vn',
      officer: 'canbo@thunghiem.thidua.vn',
    });
    // The absorbed province's administrator consents on the same screen.
    const theirs = await signedIn('quantri@thunghiem.thidua.vn');
    await theirs.goto(`${journey.built().web.origin}/admin/mergers`);
    const consent = theirs.getByRole('region', { name: 'Tỉnh này đồng ý được hợp nhất vào tỉnh khác' });
    await consent.getByLabel('Mã tỉnh hợp nhất (ví dụ dong-nai)').fill('dong-nai');
    await consent.getByLabel('Hợp nhất từ ngày').fill('2026-12-01');
    await consent.getByRole('button', { name: 'Xác nhận đồng ý hợp nhất' }).click();
    await consent.getByText('Đã xác nhận: hợp nhất vào dong-nai từ ngày 01/12/2026.').waitFor();

    const ours = await signedIn('quantri.dongnai@demo.thidua.vn');
    await ours.getByRole('link', { name: 'Hợp nhất tỉnh' }).first().click();
    const merge = ours.getByRole('region', { name: 'Tiếp nhận một tỉnh đã đồng ý hợp nhất' });
    await merge.getByLabel('Mã tỉnh được hợp nhất (ví dụ binh-phuoc)').fill('thu-nghiem');
    await merge.getByRole('button', { name: 'Tải danh sách đơn vị' }).click();
    await merge.getByText('Bảng ánh xạ đơn vị: 1 đơn vị của Tỉnh Thử Nghiệm, từ ngày 01/12/2026').waitFor();
    await merge.getByLabel('Đơn vị kế thừa: Xã Thử Nghiệm').selectOption({ label: 'Phường Trấn Biên' });
    await merge.getByLabel('Căn cứ hợp nhất').fill('Nghị quyết thử nghiệm');
    expect(seriousViolations(await axeViolations(ours))).toEqual([]);
    await merge.getByRole('button', { name: 'Hợp nhất' }).click();
    const dialog = ours.getByRole('dialog');
    await dialog.getByLabel('Mã tỉnh được hợp nhất').fill('thu-nghiem');
    await dialog.getByRole('button', { name: 'Hợp nhất' }).click();
    await merge.getByText('Đã hợp nhất Tỉnh Thử Nghiệm: 1 đơn vị').waitFor();
    await ours.screenshot({ path: join(SHOTS, 'merger-screen.png'), fullPage: true });

    // The merged province's history now lists both absorbed provinces, their links intact.
    await ours.goto(`${journey.built().web.origin}/history`);
    await ours.getByText('Tỉnh Thử Nghiệm → Tỉnh Đồng Nai').waitFor();
    expect(await ours.getByText('Liên kết hợp nhất toàn vẹn').count()).toBe(2);
  });
});
