import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toPem } from '@thidua/functions/kernel/pdf/cms';
import { keySigner, signPdf } from '@thidua/functions/kernel/pdf/pades-sign';
import { testCa } from '@thidua/functions/kernel/pdf/test-ca';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logins } from '../integration/api-world';
import { configureSigningTrust } from '../integration/commendations-world';
import {
  approveAtWard,
  sendNominee,
  setUpCommune,
  setUpWardCouncilCampaign,
  WARD_COUNCIL_CAMPAIGN,
  wardCouncilLogins,
} from '../integration/commune-world';
import { useJourney } from '../support/journey';
import { apiAs, DEMO_TENANT } from '../support/platform';

/**
 * ADR 0037 in Chromium: a ward's own council. The tổ dân phố proposes and the ward approves through the API
 * (the generic form pages); on screen the ward's secretary finds "Hội đồng Thi đua - Khen thưởng" in the
 * menu, opens a session of the ward's body with the ward's members; each member votes from "Bỏ phiếu"; the
 * secretary closes the vote; the ward's head opens the signing page (the bell's "decision to sign" links
 * there; a unit head's menu has no entry for it), takes the number of the ward's register, downloads the
 * PDF, uploads it signed (the test CA plays the head's token) and issues it: public.
 */
const journey = useJourney('ward-council', { downloads: true });
const NOMINEE = 'Hoàng Thị Hội Đồng';

const download = async (page: Page, dir: string, click: () => Promise<void>): Promise<Uint8Array> => {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(dir, `${Date.now()}.pdf`);
  await file.saveAs(path);
  return new Uint8Array(await readFile(path));
};

describe('a ward’s own council in the browser', () => {
  it('the ward’s secretary opens the session → its members vote → closed → the ward’s head issues the signed decision', async () => {
    const { platform, web } = journey.built();
    const admin = await apiAs(platform, logins.admin);
    const { officer, reviewer } = await setUpCommune({ platform, as: { admin } });
    await setUpWardCouncilCampaign({ platform, as: { admin } });
    const sent = await sendNominee(
      officer,
      { kind: 'individual', name: NOMINEE, awardTypeId: 'chien_si_thi_dua_co_so', gender: 'female' },
      WARD_COUNCIL_CAMPAIGN,
    );
    await approveAtWard(reviewer, sent);

    // The secretary's menu offers the ward's council; the page offers the ward's own body.
    const sec = await journey.signedIn(wardCouncilLogins.secretary);
    await sec.getByRole('link', { name: 'Hội đồng Thi đua - Khen thưởng' }).first().click();
    await sec.getByLabel('Phong trào thi đua').selectOption({ value: WARD_COUNCIL_CAMPAIGN });
    await sec.getByRole('checkbox', { name: new RegExp(NOMINEE) }).check();
    const body = sec.getByLabel('Cơ quan ban hành');
    expect(await body.locator('option').allTextContents()).toEqual(['Ủy ban nhân dân Phường Tân Phú']);
    await sec.getByLabel('Người chủ trì').fill('Chủ tịch UBND phường Tân Phú');
    await sec.getByRole('button', { name: 'Mở phiên họp' }).click();
    await sec.getByText('Số phiếu đã nhận: 0/3').waitFor();
    await journey.noSeriousAxe(sec, 'ward council');

    for (const email of wardCouncilLogins.members) {
      const member = await journey.signedIn(email);
      await member.getByRole('link', { name: 'Bỏ phiếu' }).first().click();
      await member.getByRole('heading', { name: 'Bỏ phiếu kín' }).waitFor();
      await member.getByRole('radio', { name: 'Đồng ý', exact: true }).check();
      await member.getByRole('button', { name: 'Bỏ phiếu' }).click();
      await member.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
      await member.getByText('Đã bỏ phiếu', { exact: true }).waitFor();
    }

    await sec.reload();
    await sec.getByText('Số phiếu đã nhận: 3/3').waitFor();
    await sec.getByRole('button', { name: 'Kết thúc bỏ phiếu và kiểm phiếu' }).click();
    await sec.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await sec.getByRole('button', { name: 'Tải biên bản (DOCX)' }).waitFor();

    // The signing page (linked from the head's bell) takes the number of the ward's register.
    const head = await journey.signedIn(logins.communeHead);
    await head.goto(`${web.origin}/commendations/sign`);
    await head.getByLabel('Phong trào thi đua').selectOption({ value: WARD_COUNCIL_CAMPAIGN });
    await head.getByRole('button', { name: 'Lấy số', exact: true }).click();
    const dialog = head.getByRole('dialog');
    await dialog.getByText(/Quyết định sẽ nhận số 01\/QĐ-UBND/).waitFor();
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await head.getByText(/Quyết định số 01\/QĐ-UBND đã lấy số, đang chờ tệp PDF có chữ ký số/).waitFor();
    const generated = await download(head, journey.downloadsDir(), () =>
      head.getByRole('button', { name: 'Tải PDF để ký số' }).click(),
    );
    const ca = await testCa('Root CA thử (phường)');
    await configureSigningTrust(platform, { roots: toPem(ca.root.der) });
    const who = await ca.issue('Chủ tịch phường Tân Phú');
    const signed = await signPdf(generated, keySigner(who.privateKey, [who.der]), { at: new Date() });
    await head.getByLabel('Bước 2. Chọn tệp PDF đã ký số để kiểm tra.').setInputFiles({
      name: 'da-ky.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(signed),
    });
    await head.getByText(/Chữ ký số hợp lệ: Chủ tịch phường Tân Phú/).waitFor();
    await head.getByRole('button', { name: 'Ban hành quyết định' }).click();
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await head.getByText(/Đã ban hành Quyết định số 01\/QĐ-UBND/).waitFor();

    const reader = await journey.page('reader');
    await reader.goto(`${web.origin}/public/${DEMO_TENANT}/decisions`);
    await reader.getByText(NOMINEE).first().waitFor();
  });
});
