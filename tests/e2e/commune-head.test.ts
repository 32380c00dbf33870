import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pdfText } from '@thidua/functions/kernel/pdf/read';
import { describe, expect, it } from 'vitest';
import { expectStatus, logins } from '../integration/api-world';
import { signOnPaper } from '../integration/commendations-world';
import { COMMUNE_CAMPAIGN, sendNominee, setUpCommune, tdpLeader } from '../integration/commune-world';
import { SHOTS, useJourney } from '../support/journey';
import { apiAs, DEMO_TENANT } from '../support/platform';

/**
 * Issue 17's browser journey of a commune-level award: a tổ dân phố of the ward of Tân Phú proposes its
 * leader for the Chairman's Giấy khen, the ward reviews last (both through the API: the filing screens are
 * the generic form pages the province journey walks through) — then on screen the ward's head opens the
 * nominee's dossier on the head's page, is told which number the ward's register gives and who will see
 * the decision, cancels (nothing taken), decides, downloads the decision's PDF and prints the Giấy khen;
 * then revokes it with a reason and its legal basis, and the public page shows the revocation.
 */
const journey = useJourney('commune-head');

describe('a commune-level Giấy khen, decided by the head', () => {
  it('nomination → the ward’s review → the head’s confirmed decision → its PDF and the printed Giấy khen → a revocation', async () => {
    const { platform, web } = journey.built();
    const admin = await apiAs(platform, logins.admin);
    // The head signs on paper here (the province's explicit, audited choice, ADR 0032): the digitally signed
    // upload is tests/e2e/decision-signing.test.ts, for a province decision.
    await signOnPaper(admin);
    const { officer, reviewer } = await setUpCommune({ platform, as: { admin } });
    const sent = await sendNominee(officer, tdpLeader);
    expectStatus(
      await reviewer.post(`/submissions/${String(sent.id)}/actions`, {
        type: 'approve',
        expectedVersion: sent.version,
      }),
      200,
    );

    // The head finds the page from the unit's commendation notices.
    const head = await journey.signedIn(logins.communeHead);
    await head.goto(`${web.origin}/commendations/notifications`);
    await head.getByRole('link', { name: 'Quyết định khen thưởng của người đứng đầu đơn vị' }).click();
    await head
      .getByRole('heading', { name: 'Quyết định khen thưởng của người đứng đầu', level: 1 })
      .waitFor();
    const campaigns = head.getByLabel('Phong trào thi đua');
    await campaigns.selectOption({ value: COMMUNE_CAMPAIGN });
    const waiting = head.getByRole('region', { name: 'Hồ sơ chờ quyết định' });
    const line = waiting.getByRole('checkbox', { name: /Lê Văn Tổ \(Tổ dân phố 1\)/ });
    await line.waitFor();
    await head.getByText(/Số tiếp theo: 01\/QĐ-UBND/).waitFor();
    // The dossier as filed, opened beside the line.
    await waiting
      .getByText(/Xem hồ sơ/)
      .first()
      .click();
    await waiting.getByText('to-trinh.pdf').waitFor();
    await journey.noSeriousAxe(head, 'head decisions');
    await line.check();

    // The confirmation says what will happen; cancelling takes nothing.
    await head.getByRole('button', { name: 'Ra quyết định khen thưởng' }).click();
    const dialog = head.getByRole('dialog');
    await dialog.getByText(/sẽ nhận số 01\/QĐ-UBND trong sổ đăng ký văn bản/).waitFor();
    expect(await dialog.textContent()).toMatch(/công bố công khai.*Tổ dân phố 1/s);
    await head.screenshot({ path: join(SHOTS, 'h01-head-confirm.png'), fullPage: true });
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'detached' });
    const before = expectStatus(await admin.get(`/public/${DEMO_TENANT}/decisions`), 200);
    expect(JSON.stringify(before)).not.toContain('Lê Văn Tổ');
    await line.waitFor();

    await head.getByRole('button', { name: 'Ra quyết định khen thưởng' }).click();
    await head.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    const decided = head.getByRole('region', { name: '01/QĐ-UBND' });
    await decided.getByText(/Đã ký Quyết định số 01\/QĐ-UBND/).waitFor();
    await head.getByText('Không có hồ sơ nào chờ người đứng đầu quyết định.').waitFor();

    // The decision's PDF downloads with its number; the Giấy khen prints on its blank.
    const [download] = await Promise.all([
      head.waitForEvent('download'),
      decided.getByRole('button', { name: 'Tải PDF để ký số' }).click(),
    ]);
    const text = await pdfText(new Uint8Array(await readFile(await download.path())));
    expect(text).toContain('01/QĐ-UBND');
    expect(text).toContain('Lê Văn Tổ');
    const [print] = await Promise.all([
      head.context().waitForEvent('page'),
      decided.getByRole('button', { name: /^In Phôi Giấy khen/ }).click(),
    ]);
    await print.waitForLoadState();
    // The certificate prints as a PDF on the blank (ADR 0033): the bytes the new tab shows, read back.
    const printed = await print.evaluate(async () =>
      Array.from(new Uint8Array(await (await fetch(location.href)).arrayBuffer())),
    );
    expect(await pdfText(new Uint8Array(printed))).toContain('Lê Văn Tổ');
    await print.close();

    // Revoking needs a reason and the legal basis; the dialog says which number it takes and who is told.
    await decided.getByRole('button', { name: 'Thu hồi' }).click();
    const revoke = head.getByRole('dialog');
    await revoke.getByLabel(/^Lý do/).fill('Kê khai thành tích không trung thực');
    const confirm = revoke.getByRole('button', { name: 'Xác nhận' });
    expect(await confirm.isDisabled()).toBe(true);
    await revoke
      .getByLabel(/^Căn cứ pháp lý/)
      .fill('Khoản 1 Điều 90 Luật Thi đua, khen thưởng số 06/2022/QH15');
    await revoke.getByText(/sẽ nhận số 02\/QĐ-UBND/).waitFor();
    await confirm.click();
    await decided.getByText('Đã thu hồi (02/QĐ-UBND)').waitFor();
    await head.screenshot({ path: join(SHOTS, 'h02-head-revoked.png'), fullPage: true });

    const reader = await (await journey.newContext({ locale: 'vi-VN' })).newPage();
    await reader.goto(`${web.origin}/public/${DEMO_TENANT}/decisions`);
    await reader.getByRole('heading', { name: /Quyết định số 01\/QĐ-UBND/ }).waitFor();
    await reader
      .getByText(/02\/QĐ-UBND/)
      .first()
      .waitFor();
  });
});
