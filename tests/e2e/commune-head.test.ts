import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toPem } from '@thidua/functions/kernel/pdf/cms';
import { keySigner, signPdf } from '@thidua/functions/kernel/pdf/pades-sign';
import { pdfText } from '@thidua/functions/kernel/pdf/read';
import { testCa } from '@thidua/functions/kernel/pdf/test-ca';
import { describe, expect, it } from 'vitest';
import { expectStatus, logins } from '../integration/api-world';
import { configureSigningTrust } from '../integration/commendations-world';
import { approvedByWard, COMMUNE_CAMPAIGN, setUpCommune, tdpLeader } from '../integration/commune-world';
import { SHOTS, useJourney } from '../support/journey';
import { apiAs, DEMO_TENANT } from '../support/platform';
import { unsignedIsRefused } from '../support/signing-page';

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
    // The digital default (ADR 0032): the head signs the decision's PDF with their own tool — played here
    // by a test CA the deployment is told to trust — and the verified upload issues it.
    const ca = await testCa('Root CA thử của tỉnh (người đứng đầu xã)');
    await configureSigningTrust(platform, { roots: toPem(ca.root.der) });
    const { officer, reviewer } = await setUpCommune({ platform, as: { admin } });
    await approvedByWard(officer, reviewer, tdpLeader);

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
    // … and that it is published only once the head's digital signature is verified and issued.
    await dialog.getByText(/Chỉ khi chữ ký số hợp lệ và người ký xác nhận ban hành/).waitFor();
    await head.screenshot({ path: join(SHOTS, 'h01-head-confirm.png'), fullPage: true });
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'detached' });
    const before = expectStatus(await admin.get(`/public/${DEMO_TENANT}/decisions`), 200);
    expect(JSON.stringify(before)).not.toContain('Lê Văn Tổ');
    await line.waitFor();

    await head.getByRole('button', { name: 'Ra quyết định khen thưởng' }).click();
    await head.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    const decided = head.getByRole('region', { name: '01/QĐ-UBND' });
    await decided.getByText('Chờ ký số', { exact: true }).waitFor();
    await decided.getByText(/Quyết định số 01\/QĐ-UBND đã lấy số, đang chờ tệp PDF có chữ ký số/).waitFor();
    await head.getByText('Không có hồ sơ nào chờ người đứng đầu quyết định.').waitFor();
    // Not in force yet: no certificate to print, nothing to revoke; not public.
    expect(await decided.getByRole('button', { name: /^In Phôi Giấy khen/ }).count()).toBe(0);
    expect(await decided.getByRole('button', { name: 'Thu hồi' }).count()).toBe(0);
    const awaiting = expectStatus(await admin.get(`/public/${DEMO_TENANT}/decisions`), 200);
    expect(JSON.stringify(awaiting)).not.toContain('Lê Văn Tổ');

    // The decision's PDF downloads with its number; the head signs it with their own tool.
    const [download] = await Promise.all([
      head.waitForEvent('download'),
      decided.getByRole('button', { name: 'Tải PDF để ký số' }).click(),
    ]);
    const generated = new Uint8Array(await readFile(await download.path()));
    const text = await pdfText(generated);
    expect(text).toContain('01/QĐ-UBND');
    expect(text).toContain('Lê Văn Tổ');
    // The head's certificate names the ward's Chairman, the office holder the decision names as its signer.
    const desk = expectStatus(
      await (await apiAs(platform, logins.communeHead)).get(
        `/commendations/campaigns/${COMMUNE_CAMPAIGN}/head-desk`,
      ),
      200,
    );
    const signerName = String(
      (desk.decisions as { decision: { signerName: string } }[])[0]?.decision.signerName,
    );
    const who = await ca.issue(signerName);
    const signed = await signPdf(generated, keySigner(who.privateKey, [who.der]), { at: new Date() });
    // An unsigned file is refused in Vietnamese; nothing can be issued with it.
    const input = await unsignedIsRefused(decided, generated);
    await input.setInputFiles({
      name: 'da-ky.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(signed),
    });
    await decided
      .getByText(new RegExp(`Chữ ký số hợp lệ: ${signerName}, chứng thư do .*Root CA thử`))
      .waitFor();

    // Issuing is confirmed: published, and to whom.
    await decided.getByRole('button', { name: 'Ban hành quyết định' }).click();
    const issue = head.getByRole('dialog');
    await issue.getByText(/công bố công khai cho mọi người/).waitFor();
    await issue.getByText(/Thông báo đến: Tổ dân phố 1\./).waitFor();
    await issue.getByText(/Không hoàn tác được/).waitFor();
    await issue.getByRole('button', { name: 'Xác nhận' }).click();
    await decided
      .getByText(new RegExp(`Đã ban hành Quyết định số 01/QĐ-UBND — chữ ký số của ${signerName}`))
      .waitFor();
    await decided.getByText('Đã ban hành', { exact: true }).waitFor();

    // Public now, with the signed file byte for byte.
    const list = expectStatus(await admin.get(`/public/${DEMO_TENANT}/decisions`), 200);
    expect(JSON.stringify(list)).toContain('Lê Văn Tổ');
    const id = /"id":"([^"]+)"[^}]*"numberText":"01\/QĐ-UBND"/.exec(JSON.stringify(list))?.[1];
    const r = await admin.request('GET', `/public/${DEMO_TENANT}/decisions/${id}/signed-pdf`, {
      redirect: 'manual',
    });
    const pub = new Uint8Array(await (await fetch(String(r.headers.get('location')))).arrayBuffer());
    expect(Buffer.from(pub).equals(Buffer.from(signed))).toBe(true);

    // The Giấy khen prints on its blank.
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
