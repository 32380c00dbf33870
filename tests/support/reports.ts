import type { Page } from 'playwright-core';

/** The demo periodic report (Tân Phú, 2023) as the journeys fill it: every required figure and text. */
export async function fillPeriodicReport(page: Page, figures: { crimes: string }): Promise<void> {
  await page.getByLabel(/^Số vụ phạm tội hình sự phát hiện/).fill(figures.crimes);
  await page.getByLabel(/^Số vụ phạm tội hình sự đã điều tra làm rõ/).fill('3');
  await page.getByLabel(/^Số vụ phạm tội về ma túy phát hiện/).fill('2');
  await page.getByLabel(/^Số vụ mua bán người phát hiện/).fill('0');
  await page.getByLabel(/^Số buổi tuyên truyền/).fill('12');
  await page.getByLabel(/^Số lượt người tham dự/).fill('1.250');
  await page.getByLabel(/^Số mô hình điển hình đang duy trì/).fill('3');
  await page.getByLabel(/^Số mô hình điển hình mới xây dựng/).fill('1');
  await page
    .getByLabel(/^Nội dung 1:/)
    .fill('Đã triển khai đầy đủ các kế hoạch của UBND tỉnh trên địa bàn phường.');
  await page.getByLabel(/^Nội dung 5:/).fill('Đạt các chỉ tiêu phòng chống tội phạm quý 1.');
  await page
    .getByRole('group', { name: /khó khăn, vướng mắc/ })
    .getByLabel('Không')
    .check();
}

/** A workflow button, its confirmation dialog (with a reason when asked), and the dialog closing. */
export async function act(page: Page, button: string, reason?: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (reason !== undefined) await dialog.getByLabel(/Lý do/).fill(reason);
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** The report's required evidence: a small PDF through the presigned upload, confirmed (its button shown). */
export async function attachSignedReport(page: Page, name: string): Promise<void> {
  await page.getByLabel(/^Báo cáo có chữ ký, đóng dấu/).setInputFiles({
    name,
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  });
  await page.getByRole('button', { name, exact: true }).waitFor();
}
