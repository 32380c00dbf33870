import { docxText } from '@thidua/functions/features/commendations/documents/read-office';
import { readPdf } from '@thidua/functions/kernel/pdf/read';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { type Api, DEMO_TENANT } from '../support/platform';
import { expectStatus, units, useApiWorld } from './api-world';
import { signOnPaper } from './commendations-world';
import {
  approveAtWard,
  COMMUNE_CAMPAIGN as CAMPAIGN,
  sendNominee,
  setUpCommune,
  tdpLeader,
} from './commune-world';

/**
 * Issue 17, point 6: a commune issues its own Giấy khen, decided by its Chairman alone (the award type's
 * `decidedBy: head`). A tổ dân phố of the ward proposes; the ward's reviewer approves (the chain ends at
 * the ward); the ward's head decides: a decision of "ỦY BAN NHÂN DÂN / PHƯỜNG TÂN PHÚ" numbered in the
 * ward's own register, signed by its Chairman (office holder), published, printed on the Giấy khen blank.
 */
const world = useApiWorld();

describe('commune level: a Giấy khen decided by the Chairman alone', () => {
  let officer: Api;
  let reviewer: Api;
  let nominationId = '';
  let decision: Record<string, unknown> = {};

  it('a tổ dân phố proposes, the ward approves as the last level of review', async () => {
    const w = world();
    // This suite is the paper-original path, the province's explicit choice (ADR 0032).
    await signOnPaper(w.as.admin);
    ({ officer, reviewer } = await setUpCommune(w));
    const sent = await sendNominee(officer, tdpLeader);
    nominationId = String(sent.id);
    // Before the ward's review ends, its head has nothing to decide on.
    const early = await w.as.communeHead.post('/commendations/head-decisions', {
      campaignId: CAMPAIGN,
      nominationIds: [nominationId],
    });
    expect(early.status).toBe(422);
    expect(early.text).toContain('not_approved_here');
    await approveAtWard(reviewer, sent);
  });

  it('the ward’s desk lists it with its dossier and the number the decision will take', async () => {
    const w = world();
    const desk = expectStatus(
      await w.as.communeHead.get(`/commendations/campaigns/${CAMPAIGN}/head-desk`),
      200,
    );
    expect(desk.unitId).toBe(units.commune);
    expect(desk.items).toEqual([
      expect.objectContaining({
        nominationId,
        nomineeName: 'Lê Văn Tổ',
        unitName: 'Tổ dân phố 1',
        issuingBodyId: 'ubnd-xa',
        files: expect.arrayContaining([expect.objectContaining({ name: 'to-trinh.pdf' })]),
      }),
    ]);
    expect(desk.registers).toEqual([
      expect.objectContaining({ issuingBodyId: 'ubnd-xa', mode: 'product', nextNumberText: '01/QĐ-UBND' }),
    ]);
    // The ward's office prepares for its head; each unit's desk is its own: the district's and the tổ dân
    // phố's show nothing of the ward's.
    const desk2 = `/commendations/campaigns/${CAMPAIGN}/head-desk`;
    expect(expectStatus(await w.as.communeSubmitter.get(desk2), 200).items).toHaveLength(1);
    for (const other of [w.as.districtReviewer, officer]) {
      const theirs = expectStatus(await other.get(desk2), 200);
      expect(theirs.items).toEqual([]);
      expect(theirs.unitId).not.toBe(units.commune);
    }
  });

  it('only the ward’s head decides; the decision is the ward’s, in its own register, signed by its Chairman', async () => {
    const w = world();
    const body = { campaignId: CAMPAIGN, nominationIds: [nominationId] };
    // The ward's officer is not its head: 403. The province's chair decides the province's own awards, and
    // this nomination's review did not end at the province: 422.
    expect((await w.as.communeSubmitter.post('/commendations/head-decisions', body)).status).toBe(403);
    const chair = await w.as.chair.post('/commendations/head-decisions', body);
    expect(chair.status).toBe(422);
    expect(chair.text).toContain('not_approved_here');
    decision = expectStatus(await w.as.communeHead.post('/commendations/head-decisions', body), 201);
    expect(decision).toMatchObject({
      decidedBy: 'head',
      sessionId: null,
      issuingBodyId: `ubnd-xa__${units.commune}`,
      number: 1,
      numberText: '01/QĐ-UBND',
      signerTitle: 'CHỦ TỊCH',
    });
    expect(decision.signerName).not.toBe('Huỳnh Văn Quang');
    // Decided once: the same nomination again is refused, whatever the request.
    const again = await w.as.communeHead.post('/commendations/head-decisions', body);
    expect(again.status).toBe(409);

    const doc = expectStatus(
      await w.as.communeHead.get(`/commendations/decisions/${String(decision.id)}/document`),
      200,
    );
    const text = docxText(new Uint8Array(await (await fetch(String(doc.url))).arrayBuffer()));
    expect(text).toContain('PHƯỜNG TÂN PHÚ');
    expect(text).toContain('Số: 01/QĐ-UBND');
    expect(text).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TÂN PHÚ');
    expect(text).toContain('Xét đề nghị của Tổ dân phố 1.');
    expect(text).not.toContain('Hội đồng Thi đua - Khen thưởng tỉnh tại');
    expect(text).toContain('Lê Văn Tổ');
    expect(text).toContain(String(decision.signerName));

    const pub = expectStatus(
      await w.anonymous.get(`/public/${DEMO_TENANT}/decisions/${String(decision.id)}`),
      200,
    );
    expect(JSON.stringify(pub)).toContain('Lê Văn Tổ');
    const register = expectStatus(await w.as.chair.get('/commendations/register?year=2026'), 200);
    expect(register.checks).toContainEqual(
      expect.objectContaining({ issuingBodyId: `ubnd-xa__${units.commune}`, ok: true }),
    );
  });

  it('the ward prints the Giấy khen on its blank; the test print shows the boxes', async () => {
    const w = world();
    const url = `/commendations/decisions/${String(decision.id)}/certificates?blankId=giay-khen-a4`;
    const printed = expectStatus(await w.as.communeHead.get(url), 200);
    expect(printed.count).toBe(1);
    const html = String(printed.html);
    expect(html).toContain('@page { size: 297mm 210mm; margin: 0; }');
    expect(html).toMatch(/data-field="nomineeName"[^>]*>Lê Văn Tổ</);
    expect(html).toContain('>Số: 01/QĐ-UBND<');
    expect(html).toContain('>Phường Tân Phú, ngày');
    expectStatus(await w.as.communeSubmitter.get(url), 200);
    // Another unit's office prints nothing of it; a blank that carries none of its awards prints nothing.
    expect((await w.as.districtReviewer.get(url)).status).toBe(404);
    expect((await w.as.communeHead.get(url.replace('giay-khen-a4', 'bang-khen-a3'))).status).toBe(422);
    const test = expectStatus(
      await w.as.communeSubmitter.get(
        `/commendations/campaigns/${CAMPAIGN}/certificate-blanks/giay-khen-a4/test-print`,
      ),
      200,
    );
    expect(String(test.html)).toContain('class="slot test"');
  });

  it('the same certificates and test print as PDF from the documents group: one A4-landscape page each', async () => {
    const w = world();
    const url = `/commendations/decisions/${String(decision.id)}/certificates/pdf?blankId=giay-khen-a4`;
    const pdf = await w.as.communeHead.get(url);
    expect(pdf.status, pdf.text).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const [page, ...more] = await readPdf(pdf.bytes);
    expect(more).toHaveLength(0);
    expect(page?.map((l) => l.text)).toEqual(expect.arrayContaining(['Lê Văn Tổ', 'Số: 01/QĐ-UBND']));
    expect(page?.some((l) => /^Phường Tân Phú, ngày \d+ tháng 12 năm 2026$/u.test(l.text))).toBe(true);
    const size = (await PDFDocument.load(pdf.bytes)).getPage(0).getSize();
    expect([Math.round(size.width), Math.round(size.height)]).toEqual([842, 595]);
    // The same refusals as the preview: another unit's office, a blank that carries none of its awards.
    expect((await w.as.districtReviewer.get(url)).status).toBe(404);
    expect((await w.as.communeHead.get(url.replace('giay-khen-a4', 'bang-khen-a3'))).status).toBe(422);
    const test = await w.as.communeSubmitter.get(
      `/commendations/campaigns/${CAMPAIGN}/certificate-blanks/giay-khen-a4/test-print/pdf`,
    );
    expect(test.status, test.text).toBe(200);
    const texts = ((await readPdf(test.bytes))[0] ?? []).map((l) => l.text).join('\n');
    expect(texts).toContain('Tên tập thể / cá nhân');
  });

  it('the ward’s head revokes the award with reason and legal basis; the public page and the print follow', async () => {
    const w = world();
    const url = `/commendations/decisions/${String(decision.id)}/revocations`;
    const body = { nominationId, reason: 'Kê khai thành tích không trung thực' };
    // Only the unit's head revokes its head's decision; without a legal basis the act is refused.
    expect((await w.as.communeSubmitter.post(url, { ...body, legalBasis: 'Điều 90 Luật TĐKT' })).status).toBe(
      403,
    );
    const bare = await w.as.communeHead.post(url, body);
    expect(bare.status).toBe(422);
    expect(bare.text).toContain('legal_basis_required');
    const legalBasis = 'Khoản 1 Điều 90 Luật Thi đua, khen thưởng số 06/2022/QH15';
    const revocation = expectStatus(await w.as.communeHead.post(url, { ...body, legalBasis }), 201);
    expect(revocation).toMatchObject({
      kind: 'revocation',
      decidedBy: 'head',
      issuingBodyId: `ubnd-xa__${units.commune}`,
      numberText: '02/QĐ-UBND',
      legalBasis,
    });
    expect(revocation.signerName).toBe(decision.signerName);
    expect((await w.as.communeHead.post(url, { ...body, legalBasis })).status).toBe(409);

    const pub = expectStatus(
      await w.anonymous.get(`/public/${DEMO_TENANT}/decisions/${String(decision.id)}`),
      200,
    );
    expect(JSON.stringify(pub)).toContain('"revocationNumber":"02/QĐ-UBND"');
    const print = await w.as.communeHead.get(
      `/commendations/decisions/${String(decision.id)}/certificates?blankId=giay-khen-a4`,
    );
    expect(print.status).toBe(422);
    expect(print.text).toContain('nothing_to_print');
    const desk = expectStatus(
      await w.as.communeHead.get(`/commendations/campaigns/${CAMPAIGN}/head-desk`),
      200,
    );
    expect(desk.items).toEqual([]);
    expect(desk.decisions).toEqual([
      expect.objectContaining({
        decision: expect.objectContaining({ id: decision.id }),
        revocations: [expect.objectContaining({ numberText: '02/QĐ-UBND', legalBasis })],
      }),
    ]);
    expect(desk.registers).toEqual([expect.objectContaining({ nextNumberText: '03/QĐ-UBND' })]);
    const chain = expectStatus(
      await w.as.secretariat.get(`/audit/chains/revocation/${String(decision.id)}~${String(revocation.id)}`),
      200,
    );
    expect(JSON.stringify(chain)).toContain(legalBasis);
  });
});
