import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { type Api, apiAs, DEMO_TENANT } from '../support/platform';
import { expectStatus, useApiWorld } from './api-world';
import { fetchBytes, signingKit } from './commendations-world';
import { approvedByWard, COMMUNE_CAMPAIGN as CAMPAIGN, setUpCommune, tdpLeader } from './commune-world';

/**
 * Issue 17, points 5 and 6 together (ADR 0032, 0034): under the digital default a ward head's decision is
 * numbered and waits for the head's own signed PDF; only the ward's head uploads it (another unit's head,
 * the district, the province's chair: the decision does not exist for them — 404; the ward's officer reads
 * it but may not sign — 403); an unsigned file or a signature over another document is refused and
 * changes nothing; the verified upload issues it: public, its signed bytes served, the units told.
 */
const world = useApiWorld();

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

describe('a ward head’s decision issued by the head’s verified digital signature', {
  timeout: 180_000,
}, () => {
  let officer: Api;
  let otherHead: Api;
  let decisionId = '';
  let numberText = '';
  let signerName = '';
  let kit: Awaited<ReturnType<typeof signingKit>>;
  const upload = (as: Api, pdf: Uint8Array) =>
    as.post(`/commendations/decisions/${decisionId}/signed-pdf`, { pdf: b64(pdf) });
  const stillAwaiting = async (w: ReturnType<typeof world>) => {
    const still = expectStatus(await w.as.communeHead.get(`/commendations/decisions/${decisionId}`), 200);
    expect(still.decision).toMatchObject({ state: 'awaiting_signature' });
    return still.decision as { entries: { nominationId: string }[] };
  };

  it('the head decides under the digital default: numbered, awaiting the head’s signature, not public', async () => {
    const w = world();
    let reviewer: Api;
    ({ officer, reviewer } = await setUpCommune(w));
    const sent = await approvedByWard(officer, reviewer, tdpLeader);
    const desk = `/commendations/campaigns/${CAMPAIGN}/head-desk`;
    // The desk says how the province issues and that the deployment has a server-side signer.
    expect(expectStatus(await w.as.communeHead.get(desk), 200)).toMatchObject({
      signingMode: 'digital',
      serverSigner: true,
    });
    const decided = expectStatus(
      await w.as.communeHead.post('/commendations/head-decisions', {
        campaignId: CAMPAIGN,
        nominationIds: [String(sent.id)],
      }),
      201,
    );
    expect(decided).toMatchObject({ decidedBy: 'head', state: 'awaiting_signature', original: 'digital' });
    decisionId = String(decided.id);
    numberText = String(decided.numberText);
    signerName = String(decided.signerName);
    // The desk lists it as awaiting; nobody outside the ward sees it yet.
    const listed = expectStatus(await w.as.communeHead.get(desk), 200);
    expect(listed.decisions).toEqual([
      expect.objectContaining({
        decision: expect.objectContaining({ id: decisionId, state: 'awaiting_signature' }),
      }),
    ]);
    expect((await w.anonymous.get(`/public/${DEMO_TENANT}/decisions/${decisionId}`)).status).toBe(404);
    const list = expectStatus(await w.anonymous.get(`/public/${DEMO_TENANT}/decisions`), 200);
    expect(JSON.stringify(list)).not.toContain(decisionId);
    const notes = expectStatus(await officer.get('/commendations/notifications'), 200);
    expect(JSON.stringify(notes)).not.toContain(numberText);
    // The head downloads the PDF to sign; the deployment trusts the test CA that certifies the head.
    kit = await signingKit(w.platform, w.as.communeHead, decisionId, 'Root CA thử của tỉnh (cấp xã)');
  });

  it('an unsigned file and a signature over another document are refused and change nothing', async () => {
    const w = world();
    const awaiting = await stillAwaiting(w);
    const unsigned = await upload(w.as.communeHead, kit.generated);
    expect(unsigned.status).toBe(422);
    expect(unsigned.text).toContain('not_signed');
    expect(unsigned.text).toContain('không có chữ ký số');
    const other = await PDFDocument.create();
    other.addPage().drawText('Van ban khac');
    const foreign = await upload(w.as.communeHead, await kit.signedAs(signerName, await other.save()));
    expect(foreign.status).toBe(422);
    expect(foreign.text).toContain('not_generated_document');
    // Not in force yet: nothing of it to revoke.
    const early = await w.as.communeHead.post(`/commendations/decisions/${decisionId}/revocations`, {
      nominationId: awaiting.entries[0]?.nominationId,
      reason: 'Kê khai thành tích không trung thực',
      legalBasis: 'Khoản 1 Điều 90 Luật Thi đua, khen thưởng số 06/2022/QH15',
    });
    expect(early.status).toBe(409);
    expect(early.text).toContain('not_issued');
    await stillAwaiting(w);
  });

  it('nobody but the ward’s head issues it, whatever the file: 404 outside the ward, 403 for its officer', async () => {
    const w = world();
    const good = await kit.signedAs(signerName);
    otherHead = await apiAs(w.platform, 'truong.sotuphap@demo.thidua.vn');
    for (const outsider of [otherHead, w.as.districtReviewer, w.as.chair, w.as.secretariat]) {
      expect((await upload(outsider, good)).status).toBe(404);
      expect((await outsider.post(`/commendations/decisions/${decisionId}/server-signature`)).status).toBe(
        404,
      );
    }
    // The ward's officer prepares and reads the decision, but signing it is the head's act.
    expect((await upload(w.as.communeSubmitter, good)).status).toBe(403);
    expect(
      (await w.as.communeSubmitter.post(`/commendations/decisions/${decisionId}/server-signature`)).status,
    ).toBe(403);
    await stillAwaiting(w);
  });

  it('the head’s verified upload issues it: public, the signed bytes served, the proposing unit told', async () => {
    const w = world();
    const signed = await kit.signedAs(signerName);
    const issued = expectStatus(await upload(w.as.communeHead, signed), 200);
    expect(issued).toMatchObject({ state: 'issued', signature: { signerName, via: 'upload' } });
    expect((issued.signature as { sha256: string }).sha256).toBe(
      createHash('sha256').update(signed).digest('hex'),
    );
    const pub = expectStatus(await w.anonymous.get(`/public/${DEMO_TENANT}/decisions/${decisionId}`), 200);
    expect(pub).toMatchObject({ numberText, digitalSignature: { signerName } });
    expect(JSON.stringify(pub)).toContain('Lê Văn Tổ');
    const list = expectStatus(await w.anonymous.get(`/public/${DEMO_TENANT}/decisions`), 200);
    expect(JSON.stringify(list)).toContain(decisionId);
    const redirect = await w.anonymous.request(
      'GET',
      `/public/${DEMO_TENANT}/decisions/${decisionId}/signed-pdf`,
      { redirect: 'manual' },
    );
    expect(redirect.status).toBe(303);
    const publicBytes = await fetchBytes(String(redirect.headers.get('location')));
    expect(Buffer.from(publicBytes).equals(Buffer.from(signed))).toBe(true);
    const notes = expectStatus(await officer.get('/commendations/notifications'), 200);
    expect(JSON.stringify(notes)).toContain(numberText);
    // Issued once; the audit chain names the head's signature.
    expect((await upload(w.as.communeHead, signed)).status).toBe(409);
    const audit = expectStatus(await w.as.secretariat.get(`/audit/chains/decision/${decisionId}`), 200);
    expect(JSON.stringify(audit)).toContain(
      `Ban hành quyết định số ${numberText}: chữ ký số của ${signerName}`,
    );
    // Now in force: its certificate prints for the ward; another unit's head still may not revoke it.
    expectStatus(
      await w.as.communeHead.get(`/commendations/decisions/${decisionId}/certificates?blankId=giay-khen-a4`),
      200,
    );
    const revoke = await otherHead.post(`/commendations/decisions/${decisionId}/revocations`, {
      nominationId: (issued.entries as { nominationId: string }[])[0]?.nominationId,
      reason: 'Thử thu hồi quyết định của đơn vị khác',
      legalBasis: 'Khoản 1 Điều 90 Luật Thi đua, khen thưởng số 06/2022/QH15',
    });
    expect(revoke.status).toBe(403);
  });
});
